/**
 * The structured form of an Atom entry (RFC 4287) as published on XEP-0277 microblog nodes.
 * Types only. Markup (html and xhtml values) is stored as received, unsanitized: it comes from
 * anyone who can publish, and the page must sanitize it at render time (issue 5, "Safety").
 */

/** RFC 4287 §3.3 date, as written and, when it could be read, normalised. */
export type AtomDate = {
  raw: string;
  /** Normalised ISO 8601 in UTC; absent when the date was malformed. */
  iso?: string;
  /** Epoch milliseconds; absent when the date was malformed. */
  ms?: number;
};

/** RFC 4287 §3.1 text construct (title, summary, rights) or §4.1.3 content. */
export type AtomText = {
  /** 'other' is content with a MIME type (§4.1.3.1), see mediaType. */
  type: 'text' | 'html' | 'xhtml' | 'other';
  /** text: the text. html: the HTML markup as a string. xhtml: the serialized XHTML inside
   * the wrapping div. other: the text, XML or base64 as written (see encoding). */
  value: string;
  /** Plain text when it is cheap to know (text, and the text nodes of xhtml). */
  text?: string;
  /** Set on html and xhtml: the value is untrusted markup, to be sanitized before rendering. */
  untrustedMarkup?: true;
  mediaType?: string;
  encoding?: 'text' | 'xml' | 'base64';
  /** §4.1.3.2 out-of-line content. */
  src?: string;
  lang?: string;
};

/** RFC 4287 §3.2 person construct. */
export type AtomPerson = {
  name?: string;
  uri?: string;
  /** Bare JID from an `xmpp:` uri (XEP-0277 puts the author's JID there). */
  jid?: string;
  email?: string;
};

export type AtomCategory = { term: string; label?: string; scheme?: string };

/** RFC 4287 §4.2.7; `ref` is XEP-0277's extension on rel='via' (repeats). */
export type AtomLink = {
  rel: string;
  href: string;
  type?: string;
  title?: string;
  hreflang?: string;
  length?: number;
  ref?: string;
};

/** A pubsub node (and item) referenced by an xmpp: URI. */
export type PubsubTarget = { service: string; node: string; item?: string };

/** XEP-0277 Comments: link rel='replies' title='comments' with an xmpp: href. */
export type CommentsNode = PubsubTarget & { uri: string };

export type Enclosure = { href: string; type?: string; length?: number; title?: string };

/** RFC 4685 §3 thr:in-reply-to (XEP-0277 "Replying to a Post"). */
export type InReplyTo = {
  ref: string;
  href?: string;
  type?: string;
  source?: string;
  target?: PubsubTarget;
};

export type AtomEntry = {
  /** 'feed' for the XEP-0277 metadata item (id '0'), parsed with the same rules. */
  kind: 'entry' | 'feed';
  id?: string;
  lang?: string;
  /** Preferred variant of each text (xhtml, then html, then text), and every variant given:
   * XEP-0277 publishes a text and an xhtml content side by side. */
  title?: AtomText;
  titles: AtomText[];
  summary?: AtomText;
  summaries: AtomText[];
  content?: AtomText;
  contents: AtomText[];
  rights?: AtomText;
  authors: AtomPerson[];
  contributors: AtomPerson[];
  published?: AtomDate;
  updated?: AtomDate;
  categories: AtomCategory[];
  links: AtomLink[];
  /** The web page of the entry: rel='alternate', preferring text/html and http(s). */
  alternate?: string;
  comments: CommentsNode[];
  enclosures: Enclosure[];
  inReplyTo: InReplyTo[];
  /** XEP-0080 geolocation (XEP-0277 Geotagging): lat, lon, alt, accuracy as numbers. */
  geoloc?: Record<string, string | number>;
  /** Children we do not interpret, as `{namespace}name`; they stay in the raw XML. */
  extensions: string[];
};

/** What the parser returns: the entry and the problems met (never thrown). */
export type AtomParseResult = { entry: AtomEntry; problems: string[] };

/** What the microblog analyser stores as an item's parsed data. */
export type MicroblogItem = AtomEntry & {
  /** XEP-0277 Security Considerations: whether the item's `publisher` is one of the authors.
   * Absent when the service did not say who published; false deserves a warning in the UI. */
  authorVerified?: boolean;
};
