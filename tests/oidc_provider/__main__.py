"""Run the test OpenID Connect provider (see ``tests.oidc_provider``)."""

import django
from django.conf import settings
from django.core.management import call_command
from django.core.servers.basehttp import WSGIServer, run
from django.core.wsgi import get_wsgi_application


def main() -> None:
    django.setup()
    from django.contrib.auth.models import User
    from oauth2_provider.models import Application

    config = settings.CONFIG
    call_command("migrate", verbosity=0)
    owner = None
    for username in config["users"]:
        owner = User.objects.create_user(username, password=config["password"])
    Application.objects.create(
        name="Sparring",
        user=owner,
        client_id=config["client_id"],
        client_secret=config["client_secret"],
        client_type=Application.CLIENT_CONFIDENTIAL,
        authorization_grant_type=Application.GRANT_AUTHORIZATION_CODE,
        redirect_uris=config["redirect_uri"],
        algorithm=Application.RS256_ALGORITHM,
        skip_authorization=True,
    )
    run("127.0.0.1", config["port"], get_wsgi_application(), threading=True, server_cls=WSGIServer)


main()
