/**
 * The items of the XEP-0277 (v0.6.3) examples, as they travel inside <items/>. Text is kept as
 * the XEP writes it, including its double-escaped `Caf&amp;#233;`.
 */
const PUBSUB = "xmlns='http://jabber.org/protocol/pubsub'";

export const publishingPost = `<item ${PUBSUB} id='1cb57d9c-1c46-11dd-838c-001143d5d5db'>
  <entry xmlns='http://www.w3.org/2005/Atom'>
    <title type='text'>hanging out at the Caf&amp;#233; Napolitano</title>
    <id>tag:montague.lit,2008-05-08:posts-1cb57d9c-1c46-11dd-838c-001143d5d5db</id>
    <published>2008-05-08T18:30:02Z</published>
    <updated>2008-05-08T18:30:02Z</updated>
  </entry>
</item>`;

export const richContentPost = `<item ${PUBSUB} id='1cb57d9c-1c46-11dd-838c-001143d5d5db'>
  <entry xmlns='http://www.w3.org/2005/Atom'>
    <title type='xhtml'>
      <div xmlns="http://www.w3.org/1999/xhtml">
        <p>hanging out at the <strong>Caf&amp;#233; Napolitano</strong></p>
      </div>
    </title>
    <id>tag:montague.lit,2008-05-08:posts-1cb57d9c-1c46-11dd-838c-001143d5d5db</id>
    <published>2008-05-08T18:30:02Z</published>
    <updated>2008-05-08T18:30:02Z</updated>
  </entry>
</item>`;

export const receivedPost = `<item ${PUBSUB} id='1cb57d9c-1c46-11dd-838c-001143d5d5db' publisher='romeo@montague.lit'>
  <entry xmlns='http://www.w3.org/2005/Atom'>
    <title type='text'>hanging out at the Caf&amp;#233; Napolitano</title>
    <link rel='alternate'
          type='text/html'
          href='http://montague.lit/romeo/posts/1cb57d9c-1c46-11dd-838c-001143d5d5db'/>
    <link rel='alternate'
          href='xmpp:romeo@montague.lit?;node=urn%3Axmpp%3Amicroblog%3A0;item=1cb57d9c-1c46-11dd-838c-001143d5d5db'/>
    <id>tag:montague.lit,2008-05-08:posts-1cb57d9c-1c46-11dd-838c-001143d5d5db</id>
    <published>2008-05-08T18:30:02Z</published>
    <updated>2008-05-08T18:30:02Z</updated>
  </entry>
</item>`;

export const replyPost = `<item ${PUBSUB} id='c4145006-1c53-11dd-b2d5-000bcd82471e'>
  <entry xmlns='http://www.w3.org/2005/Atom'
         xmlns:thr='http://purl.org/syndication/thread/1.0'>
    <author>
      <name>Benvolio Montague</name>
      <uri>xmpp:romeo@montague.lit</uri>
    </author>
    <title type='text'>@romeo cappuccino this late in the day?</title>
    <link rel='alternate'
          type='text/html'
          href='http://montague.lit/benvolio/posts/c4145006-1c53-11dd-b2d5-000bcd82471e'/>
    <link rel='alternate'
          href='xmpp:benvolio@montague.lit?;
                node=urn%3Axmpp%3Amicroblog%3A0;
                item=c4145006-1c53-11dd-b2d5-000bcd82471e'/>
    <id>tag:montague.lit,2008-05-08:posts-c4145006-1c53-11dd-b2d5-000bcd82471e</id>
    <published>2008-05-08T18:31:21Z</published>
    <updated>2008-05-08T18:31:21Z</updated>
    <thr:in-reply-to
         ref='tag:montague.lit,2008-05-08:posts-1cb57d9c-1c46-11dd-838c-001143d5d5db'
         type='application/xhtml+xml'
         href='http://montague.lit/romeo/posts/1cb57d9c-1c46-11dd-838c-001143d5d5db'/>
    <thr:in-reply-to
         ref='tag:montague.lit,2008-05-08:posts-1cb57d9c-1c46-11dd-838c-001143d5d5db'
         href='xmpp:romeo@montague.lit?;node=urn%3Axmpp%3Amicroblog%3A0;item=1cb57d9c-1c46-11dd-838c-001143d5d5db'/>
  </entry>
</item>`;

export const repeatedPost = `<item ${PUBSUB} id='1re57d3c-1q46-11dd-748r-024943d2d5rt' publisher='benvolio@montague.lit'>
  <entry xmlns='http://www.w3.org/2005/Atom'>
    <author>
      <name>Romeo Montague</name>
      <uri>xmpp:romeo@montague.lit</uri>
    </author>
    <title type='text'>hanging out at the Caf&amp;#233; Napolitano</title>
    <link rel='via'
          href='xmpp:romeo@montague.lit?;node=urn%3Axmpp%3Amicroblog%3A0;item=1cb57d9c-1c46-11dd-838c-001143d5d5db'
          ref='tag:montague.lit,2008-05-08:posts-1cb57d9c-1c46-11dd-838c-001143d5d5db'/>
    <id>tag:montague.lit,2008-05-08:posts-1re57d3c-1q46-11dd-748r-024943d2d5rt</id>
    <published>2008-05-08T18:30:02Z</published>
    <updated>2008-05-08T18:32:02Z</updated>
    <category term='humour'/>
    <category term='xmpp'/>
  </entry>
</item>`;

export const postWithComments = `<item ${PUBSUB} id='2ze57d9c-1c46-21df-830c-002143d3d2qgf'>
  <entry xmlns='http://www.w3.org/2005/Atom'>
    <title type='text'>hanging out at the Caf&amp;#233; Napolitano</title>
    <link rel='replies'
          title='comments'
          href='xmpp:pubsub.montague.lit?;node=urn%3Axmpp%3Amicroblog%3A0%3Acomments%2Fdd88c9bc58886fce0049ed050df0c5f2'/>
    <id>tag:montague.lit,2008-05-08:posts-2ze57d9c-1c46-21df-830c-002143d3d2qgf</id>
    <published>2008-05-08T18:38:02Z</published>
    <updated>2008-05-08T18:38:02Z</updated>
  </entry>
</item>`;

export const comment = `<item ${PUBSUB} id='b2106a80de39ef5ec6b8f7b69cb610c2' publisher='juliet@capulet.lit/pc'>
  <entry xmlns='http://www.w3.org/2005/Atom'>
    <author>
      <name>Juliet Capulet</name>
      <uri>xmpp:juliet@capulet.lit</uri>
    </author>
    <title type='text'>She is so pretty!</title>
    <published>2008-05-08T18:39:02Z</published>
  </entry>
</item>`;

export const metadataFeed = `<item ${PUBSUB} id='0'>
  <feed xmlns='http://www.w3.org/2005/Atom'>
    <title>Romeo&amp;apos;s Microblog</title>
    <id>tag:montague.lit,2008:home</id>
    <updated>2008-05-08T18:30:02Z</updated>
    <author>
      <name>Romeo Montague</name>
      <uri>xmpp:romeo@montague.lit</uri>
    </author>
  </feed>
</item>`;

export const geotaggedPost = `<item ${PUBSUB} id='1zr23z8a-3g12-34fh-750b-120867gjc1sqh'>
  <entry xmlns='http://www.w3.org/2005/Atom'>
    <author>
      <name>Romeo Montague</name>
      <uri>xmpp:romeo@montague.lit</uri>
    </author>
    <title type='text'>Is lost in the forest. Need help!</title>
    <link rel='replies'
          title='comments'
          href='xmpp:pubsub.montague.lit?;node=urn%3Axmpp%3Amicroblog%3A0%3Acomments%2F36ec6dfe61e52b1e2cdb248823520233'/>
    <id>tag:montague.lit,2008-05-08:posts-1zr23z8a-3g12-34fh-750b-120867gjc1sqh</id>
    <published>2008-05-08T18:43:01Z</published>
    <updated>2008-05-08T18:43:01Z</updated>
    <geoloc xmlns="http://jabber.org/protocol/geoloc">
      <lat>48.171761</lat>
      <lon>-3.3667986</lon>
      <country>France</country>
      <countrycode>FR</countrycode>
      <region>Brittany</region>
    </geoloc>
  </entry>
</item>`;
