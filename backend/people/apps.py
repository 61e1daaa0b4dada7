from django.apps import AppConfig


class PeopleConfig(AppConfig):
    """The people app."""

    name = "backend.people"
    label = "people"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        """Keep the shared cache true: drop a token when it or its user changes, the topic
        lists when a topic changes."""
        from django.db.models.signals import post_delete, post_save, pre_delete
        from rest_framework.authtoken.models import Token

        from backend.people import cached, tokens
        from backend.people.models import Topic, User

        post_save.connect(tokens.on_token_saved_or_deleted, sender=Token)
        post_delete.connect(tokens.on_token_saved_or_deleted, sender=Token)
        post_save.connect(tokens.on_user_saved_or_deleted, sender=User)
        # Before the delete: the user's tokens are still there to be named.
        pre_delete.connect(tokens.on_user_saved_or_deleted, sender=User)
        post_save.connect(cached.on_topic_saved_or_deleted, sender=Topic)
        post_delete.connect(cached.on_topic_saved_or_deleted, sender=Topic)
