"""Identity: single sign-on with OpenID Connect, SCIM 2.0 provisioning, per-organisation set-up."""
