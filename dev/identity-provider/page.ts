/** Server-rendered pages of the local sign-in provider: plain HTML, no script, labelled fields. */

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] as string,
  );

const STYLE = `
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0; background: #f4f4f5; color: #18181b; }
  main { max-width: 26rem; margin: 4rem auto; padding: 2rem; background: #fff; border-radius: 0.75rem; }
  h1 { font-size: 1.5rem; margin: 0 0 0.5rem; }
  label { display: block; font-weight: 600; margin-top: 1rem; }
  input { box-sizing: border-box; width: 100%; padding: 0.6rem; font: inherit; border: 1px solid #71717a; border-radius: 0.4rem; }
  input:focus, button:focus { outline: 3px solid #2563eb; outline-offset: 2px; }
  .hint { font-weight: 400; color: #52525b; }
  .error { color: #b91c1c; margin: 0.25rem 0 0; }
  button { margin-top: 1.5rem; padding: 0.6rem 1.2rem; font: inherit; font-weight: 600; color: #fff; background: #1d4ed8; border: 0; border-radius: 0.4rem; cursor: pointer; }
`;

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

export interface SignInPage {
  formAction: string;
  clientName: string;
  email?: string;
  name?: string;
  error?: string;
}

export function signInPage(page: SignInPage): string {
  const invalid = page.error ? ' aria-invalid="true" aria-describedby="email-error"' : "";
  const error = page.error ? `\n<p id="email-error" class="error" role="alert">${escapeHtml(page.error)}</p>` : "";
  return layout(
    "Sign in · local sign-in provider",
    `<h1>Sign in</h1>
<p>to continue to <strong>${escapeHtml(page.clientName)}</strong>. This is the local development
sign-in provider: any email address signs in, no password.</p>
<form method="post" action="${escapeHtml(page.formAction)}">
<label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="email" required maxlength="254" value="${escapeHtml(page.email ?? "")}"${invalid}>${error}
<label for="name">Name <span class="hint">(optional)</span></label>
<input id="name" name="name" type="text" autocomplete="name" maxlength="100" value="${escapeHtml(page.name ?? "")}">
<button type="submit">Continue</button>
</form>`,
  );
}

export function messagePage(title: string, message: string): string {
  return layout(title, `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(message)}</p>`);
}
