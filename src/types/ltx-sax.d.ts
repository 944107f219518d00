// The SAX-style parser inside ltx (its parse.js builds trees with it), for strict checks.
declare module 'ltx/lib/parsers/ltx.js' {
  export default class SaxLtx {
    on(
      event: 'startElement',
      listener: (name: string, attrs: Record<string, string>) => void,
    ): this;
    on(event: 'endElement', listener: (name: string, selfClosing: boolean) => void): this;
    on(event: 'text', listener: (text: string) => void): this;
    on(event: 'error', listener: (error: Error) => void): this;
    write(data: string): void;
    end(data?: string): void;
  }
}
