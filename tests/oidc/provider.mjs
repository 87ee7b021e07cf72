// A real OpenID Connect provider for the single sign-on tests (tests/test_sso.py): panva's certified
// oidc-provider with its development login page (any password; the login is the account's `sub`).
//   node provider.mjs PORT REDIRECT_URI POST_LOGOUT_REDIRECT_URI
// Accounts come as JSON in OP_ACCOUNTS: {"sub": {"email": "...", "name": "...", "employee_id": "..."}}. PKCE is required, and
// the first-party client gets no consent page (as a municipality's Entra ID or Keycloak is set up).
import Provider from 'oidc-provider';

const [port, redirectUri, postLogoutRedirectUri] = process.argv.slice(2);
const accounts = JSON.parse(process.env.OP_ACCOUNTS || '{}');

const configuration = {
  clients: [{
    client_id: 'handlekraft',
    client_secret: 'test-secret-for-the-sso-tests',
    redirect_uris: [redirectUri],
    post_logout_redirect_uris: [postLogoutRedirectUri],
    response_types: ['code'],
    grant_types: ['authorization_code'],
    token_endpoint_auth_method: 'client_secret_post',
  }],
  pkce: { required: () => true },
  // employee_id: the person's key in HR/OS2mo, as a municipality maps it for staff without e-mail.
  claims: { openid: ['sub'], email: ['email'], profile: ['name', 'employee_id'] },
  features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
  cookies: { keys: ['test-only-cookie-key'] },
  async findAccount(ctx, sub) {
    const account = accounts[sub];
    if (!account) return undefined;
    return { accountId: sub, async claims() { return { sub, ...account }; } };
  },
  async loadExistingGrant(ctx) {
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope('openid email profile');
    grant.addOIDCClaims(['email', 'name', 'employee_id']);
    await grant.save();
    return grant;
  },
};

const provider = new Provider(`http://localhost:${port}`, configuration);
provider.listen(Number(port), '127.0.0.1', () => console.log(`listening on ${port}`));
