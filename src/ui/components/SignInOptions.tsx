interface Props {
  staySignedIn: boolean;
  allowPlain: boolean;
  onStay: (stay: boolean) => void;
  onAllowPlain: (allow: boolean) => void;
}

/** The sign-in form's choices: staying signed in, and (advanced) PLAIN without encryption. */
export function SignInOptions({ staySignedIn, allowPlain, onStay, onAllowPlain }: Props) {
  return (
    <>
      <label class="check">
        <input
          type="checkbox"
          name="stay-signed-in"
          aria-describedby="stay-help"
          checked={staySignedIn}
          onChange={(e) => onStay(e.currentTarget.checked)}
        />
        Stay signed in
      </label>
      <p id="stay-help" class="muted">
        This browser keeps keys derived from your secret, never the secret itself.
      </p>
      <details>
        <summary>Advanced</summary>
        <label class="check">
          <input
            type="checkbox"
            name="allow-plain"
            checked={allowPlain}
            onChange={(e) => onAllowPlain(e.currentTarget.checked)}
          />
          Allow PLAIN authentication on an unencrypted connection
        </label>
      </details>
    </>
  );
}
