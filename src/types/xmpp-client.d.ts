// Types for the @xmpp/* 0.14 packages Satchel wires itself (they ship none). Only what we use.
declare module '@xmpp/client-core' {
  import type { Element } from '@xmpp/xml';
  import type { JID } from '@xmpp/jid';

  export type EntityStatus =
    | 'offline'
    | 'connecting'
    | 'connect'
    | 'opening'
    | 'open'
    | 'online'
    | 'closing'
    | 'close'
    | 'disconnecting'
    | 'disconnect';

  export class Client {
    constructor(options: { service: string; domain: string; lang?: string; timeout?: number });
    jid: JID | null;
    status: EntityStatus;
    timeout: number;
    options: { service: string; domain: string };
    transports: unknown[];
    parser: unknown;
    socket: { secure: boolean } | null;
    start(): Promise<JID>;
    stop(): Promise<unknown>;
    disconnect(): Promise<unknown>;
    restart(): Promise<unknown>;
    send(element: Element): Promise<void>;
    isSecure(): boolean;
    on(event: 'stanza' | 'nonza' | 'element' | 'send', listener: (el: Element) => void): this;
    on(event: 'error', listener: (error: Error) => void): this;
    on(event: 'status', listener: (status: EntityStatus, ...args: unknown[]) => void): this;
    on(event: 'online', listener: (jid: JID) => void): this;
    on(
      event: 'disconnect' | 'offline' | 'close' | 'connect',
      listener: (info?: unknown) => void,
    ): this;
    off(event: string, listener: (...args: never[]) => void): this;
    removeAllListeners(): this;
    emit(event: string, ...args: unknown[]): boolean;
    _jid(id: string): JID;
    _onData(data: unknown): void;
  }
}

declare module '@xmpp/jid' {
  export interface JID {
    local: string;
    domain: string;
    resource: string;
    bare(): JID;
    toString(): string;
  }
  export default function jid(value: string): JID;
}

declare module '@xmpp/websocket' {
  import type { Client } from '@xmpp/client-core';
  export default function websocket(deps: { entity: Client }): void;
}

declare module '@xmpp/middleware' {
  import type { Client } from '@xmpp/client-core';
  import type { Element } from '@xmpp/xml';
  export interface MiddlewareContext {
    stanza: Element;
    entity: Client;
    from: unknown;
  }
  export type Middleware = (ctx: MiddlewareContext, next: () => Promise<unknown>) => unknown;
  export interface MiddlewareApi {
    use(fn: Middleware): Middleware;
    filter(fn: Middleware): Middleware;
  }
  export default function middleware(deps: { entity: Client }): MiddlewareApi;
}

declare module '@xmpp/stream-features' {
  import type { MiddlewareApi, MiddlewareContext } from '@xmpp/middleware';
  import type { Element } from '@xmpp/xml';
  export interface StreamFeaturesApi {
    use(
      name: string,
      xmlns: string,
      handler: (ctx: MiddlewareContext, next: () => Promise<unknown>, feature: Element) => unknown,
    ): void;
  }
  export default function streamFeatures(deps: { middleware: MiddlewareApi }): StreamFeaturesApi;
}

declare module '@xmpp/iq/caller.js' {
  import type { Client } from '@xmpp/client-core';
  import type { MiddlewareApi } from '@xmpp/middleware';
  import type { Element } from '@xmpp/xml';
  export interface IqCallerApi {
    request(stanza: Element, timeoutMs?: number): Promise<Element>;
  }
  export default function iqCaller(deps: {
    middleware: MiddlewareApi;
    entity: Client;
  }): IqCallerApi;
}

declare module '@xmpp/iq/callee.js' {
  import type { Client } from '@xmpp/client-core';
  import type { MiddlewareApi } from '@xmpp/middleware';
  export interface IqCalleeApi {
    get(ns: string, name: string, handler: () => unknown): void;
  }
  export default function iqCallee(deps: {
    middleware: MiddlewareApi;
    entity: Client;
  }): IqCalleeApi;
}

declare module '@xmpp/resource-binding' {
  import type { IqCallerApi } from '@xmpp/iq/caller.js';
  import type { StreamFeaturesApi } from '@xmpp/stream-features';
  export default function resourceBinding(
    deps: { iqCaller: IqCallerApi; streamFeatures: StreamFeaturesApi },
    resource: string | (() => Promise<string> | string),
  ): void;
}

declare module '@xmpp/stream-management' {
  import type { Client } from '@xmpp/client-core';
  import type { MiddlewareApi } from '@xmpp/middleware';
  import type { StreamFeaturesApi } from '@xmpp/stream-features';
  export interface StreamManagementApi {
    enabled: boolean;
    id: string;
    inbound: number;
    outbound: number;
    outbound_q: unknown[];
    max: string | null;
    timeout: number;
    requestAckInterval: number;
    on(event: 'resumed', listener: () => void): this;
    on(event: 'ack' | 'fail', listener: (stanza: unknown) => void): this;
    off(event: string, listener: (...args: never[]) => void): this;
  }
  export default function streamManagement(deps: {
    streamFeatures: StreamFeaturesApi;
    entity: Client;
    middleware: MiddlewareApi;
  }): StreamManagementApi;
}

declare module '@xmpp/events' {
  import type { Client } from '@xmpp/client-core';
  import type { Element } from '@xmpp/xml';
  export function procedure<T>(
    entity: Client,
    stanza: Element | null,
    handler: (element: Element, done: (value: T) => void) => unknown,
  ): Promise<T>;
}
