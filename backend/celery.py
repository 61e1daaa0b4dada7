"""The Celery application.

Embedded default: a SQLite-backed broker (kombu's SQLAlchemy transport) in ``var/``, so the demo
needs no Redis; ``make demo`` starts one worker (with beat) beside the web server. Production sets
``CELERY_BROKER_URL`` to Redis and runs workers on as many machines as needed.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "backend.settings")

app = Celery("sparring")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
