// Types for @xmpp/xml 0.14 (ltx elements), which ships none. Only what Satchel uses.
declare module '@xmpp/xml' {
  export type Node = Element | string;

  export class Element {
    constructor(name: string, attrs?: Record<string, string | number | undefined>);
    name: string;
    attrs: Record<string, string | undefined>;
    children: Node[];
    parent: Element | null;
    is(name: string, xmlns?: string): boolean;
    getName(): string;
    getNS(): string | undefined;
    getAttr(name: string, xmlns?: string): string | undefined;
    getChild(name: string, xmlns?: string): Element | undefined;
    getChildren(name: string, xmlns?: string): Element[];
    getChildElements(): Element[];
    getChildText(name: string, xmlns?: string): string | null;
    getText(): string;
    text(): string;
    text(value: string): this;
    attr(name: string): string | undefined;
    attr(name: string, value: string | number | null): this;
    append(...nodes: (Node | null | undefined | false)[]): this;
    c(name: string, attrs?: Record<string, string | number | undefined>): Element;
    t(text: string): this;
    up(): Element;
    root(): Element;
    toString(): string;
  }

  export class XMLError extends Error {}

  export class Parser {
    constructor();
    on(event: 'element' | 'start' | 'end', listener: (element: Element) => void): this;
    on(event: 'error', listener: (error: Error) => void): this;
    write(data: string): void;
    end(data?: string): void;
  }

  type Child = Node | null | undefined | false | Child[];
  export function xml(
    name: string,
    attrs?: Record<string, string | number | undefined> | null,
    ...children: Child[]
  ): Element;
  export default xml;
  export function escapeXML(s: string): string;
  export function escapeXMLText(s: string): string;
  export function unescapeXML(s: string): string;
}

declare module 'ltx/lib/parse.js' {
  import type { Element } from '@xmpp/xml';
  /** Parses one XML document into an element tree; throws on malformed input. */
  export default function parse(data: string, options?: unknown): Element;
}
