/** What a browser does with a response's Set-Cookie lines: keeps each cookie, forgets the expired ones. */
export function storeSetCookies(cookies: Map<string, string>, res: Response): void {
  for (const line of res.headers.getSetCookie()) {
    const [pair = ""] = line.split(";");
    const eq = pair.indexOf("=");
    const [name, value] = [pair.slice(0, eq).trim(), pair.slice(eq + 1).trim()];
    if (value === "" || /max-age=0\b/i.test(line)) cookies.delete(name);
    else cookies.set(name, value);
  }
}
