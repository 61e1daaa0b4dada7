"""Output serializers shared by the people APIs (and other apps that show people).

Only explicit field lists; support-need notes appear only in ``SupportNeedDetailSerializer``,
which is used for the leader's own single need and nowhere else.
"""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from backend.api.serializers import FastReadMixin
from backend.people.models import (
    Administration,
    Competency,
    Department,
    Leader,
    Organisation,
    StaffContact,
    StaffFunction,
    SupportNeed,
    Topic,
    Unit,
    User,
)


class OrganisationRefSerializer(FastReadMixin, serializers.ModelSerializer[Organisation]):
    """An organisation by id, name and slug."""

    class Meta:
        model = Organisation
        fields = ["id", "name", "slug"]


class OrganisationSerializer(FastReadMixin, serializers.ModelSerializer[Organisation]):
    """An organisation."""

    class Meta:
        model = Organisation
        fields = ["id", "name", "slug", "default_language"]


class AdministrationSerializer(FastReadMixin, serializers.ModelSerializer[Administration]):
    """An administration."""

    class Meta:
        model = Administration
        fields = ["id", "name", "code"]


class DepartmentSerializer(FastReadMixin, serializers.ModelSerializer[Department]):
    """A department and its administration."""

    administration = AdministrationSerializer(read_only=True)

    class Meta:
        model = Department
        fields = ["id", "name", "administration"]


class UnitRefSerializer(FastReadMixin, serializers.ModelSerializer[Unit]):
    """A unit in brief."""

    class Meta:
        model = Unit
        fields = ["id", "code", "name", "service_type"]


class UnitSerializer(FastReadMixin, serializers.ModelSerializer[Unit]):
    """A unit with its place in the tree."""

    department = DepartmentSerializer(read_only=True)

    class Meta:
        model = Unit
        fields = [
            "id",
            "code",
            "name",
            "service_type",
            "target_group",
            "is_specialist",
            "round_the_clock",
            "sites",
            "staff_count",
            "department",
        ]


class StaffFunctionSerializer(FastReadMixin, serializers.ModelSerializer[StaffFunction]):
    """A central staff function."""

    class Meta:
        model = StaffFunction
        fields = ["id", "kind", "name", "description"]


class StaffContactSerializer(FastReadMixin, serializers.ModelSerializer[StaffContact]):
    """A staff consultant and what they serve."""

    staff_function = StaffFunctionSerializer(read_only=True)
    unit_ids = serializers.SerializerMethodField()
    administration_ids = serializers.SerializerMethodField()
    topic_ids = serializers.SerializerMethodField()

    class Meta:
        model = StaffContact
        fields = [
            "id",
            "name",
            "title",
            "email",
            "phone",
            "staff_function",
            "unit_ids",
            "administration_ids",
            "topic_ids",
        ]

    @extend_schema_field(serializers.ListField(child=serializers.IntegerField()))
    def get_unit_ids(self, obj: StaffContact) -> list[int]:
        # From the prefetch cache: no query per row.
        return sorted(u.id for u in obj.units.all())

    @extend_schema_field(serializers.ListField(child=serializers.IntegerField()))
    def get_administration_ids(self, obj: StaffContact) -> list[int]:
        return sorted(a.id for a in obj.administrations.all())

    @extend_schema_field(serializers.ListField(child=serializers.IntegerField()))
    def get_topic_ids(self, obj: StaffContact) -> list[int]:
        return sorted(t.id for t in obj.topics.all())


class StaffContactTopicSerializer(serializers.ModelSerializer[Topic]):
    """A topic a consultant helps with, in both languages."""

    class Meta:
        model = Topic
        fields = ["id", "label_da", "label_en"]


class StaffContactBriefSerializer(FastReadMixin, serializers.ModelSerializer[StaffContact]):
    """A staff consultant's name, how to reach them, and what they help with."""

    topics = StaffContactTopicSerializer(many=True, read_only=True)

    class Meta:
        model = StaffContact
        fields = ["id", "name", "title", "email", "phone", "topics"]


class UnitDetailSerializer(UnitSerializer):
    """A unit with the staff consultants linked to it directly."""

    staff_contacts = serializers.SerializerMethodField()

    class Meta(UnitSerializer.Meta):
        fields = [*UnitSerializer.Meta.fields, "staff_contacts"]

    @extend_schema_field(StaffContactSerializer(many=True))
    def get_staff_contacts(self, obj: Unit) -> list[dict[str, object]]:
        return StaffContactSerializer(obj.staff_contacts.all(), many=True).data  # type: ignore[return-value]


class TopicSerializer(FastReadMixin, serializers.ModelSerializer[Topic]):
    """A topic of the taxonomy."""

    class Meta:
        model = Topic
        fields = [
            "id",
            "slug",
            "label_da",
            "label_en",
            "description_da",
            "description_en",
            "order",
            "active",
        ]


class TopicRefSerializer(FastReadMixin, serializers.ModelSerializer[Topic]):
    """A topic in brief."""

    class Meta:
        model = Topic
        fields = ["id", "slug", "label_da", "label_en"]


class CompetencySerializer(FastReadMixin, serializers.ModelSerializer[Competency]):
    """A strength: topic and level."""

    topic = TopicRefSerializer(read_only=True)

    class Meta:
        model = Competency
        fields = ["id", "topic", "level"]


class LeaderRefSerializer(FastReadMixin, serializers.ModelSerializer[Leader]):
    """A leader by name and title (what a network's member list or a line shows)."""

    class Meta:
        model = Leader
        fields = ["id", "first_name", "last_name", "full_name", "role_title"]


class LeaderSerializer(FastReadMixin, serializers.ModelSerializer[Leader]):
    """A leader's profile as a list row."""

    unit = UnitRefSerializer(read_only=True, allow_null=True)
    department = serializers.SerializerMethodField()
    administration = serializers.SerializerMethodField()
    boss = LeaderRefSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Leader
        fields = [
            "id",
            "employee_number",
            "first_name",
            "last_name",
            "full_name",
            "email",
            "phone",
            "role_title",
            "unit",
            "department",
            "administration",
            "boss",
            "role_start_date",
            "first_leader_job",
            "entry_route",
            "previous_role_title",
            "years_as_leader",
            "leadership_education",
            "languages",
            "bio",
            "active",
            "discoverable",
            "directory_discoverable",
        ]

    @extend_schema_field(serializers.DictField(allow_null=True))
    def get_department(self, obj: Leader) -> dict[str, object] | None:
        if obj.unit is None:
            return None
        return {"id": obj.unit.department_id, "name": obj.unit.department.name}

    @extend_schema_field(serializers.DictField(allow_null=True))
    def get_administration(self, obj: Leader) -> dict[str, object] | None:
        if obj.unit is None:
            return None
        administration = obj.unit.department.administration
        return {"id": administration.id, "name": administration.name}


class LeaderDetailSerializer(LeaderSerializer):
    """A leader's profile with their strengths (competencies are part of the profile)."""

    competencies = CompetencySerializer(many=True, read_only=True)
    is_boss = serializers.SerializerMethodField()

    class Meta(LeaderSerializer.Meta):
        fields = [*LeaderSerializer.Meta.fields, "competencies", "is_boss"]

    def get_is_boss(self, obj: Leader) -> bool:
        return obj.reports.exists()


class SupportNeedSerializer(FastReadMixin, serializers.ModelSerializer[SupportNeed]):
    """A support need as a list row: never the note, only whether there is one."""

    topic = TopicRefSerializer(read_only=True)
    has_note = serializers.SerializerMethodField()

    class Meta:
        model = SupportNeed
        fields = [
            "id",
            "topic",
            "weight",
            "status",
            "source",
            "has_note",
            "shared_with_mentor",
            "created_at",
            "updated_at",
        ]

    def get_has_note(self, obj: SupportNeed) -> bool:
        return bool(obj.note)


class SupportNeedDetailSerializer(SupportNeedSerializer):
    """The leader's own support need, with the private note (only ever shown to the leader)."""

    class Meta(SupportNeedSerializer.Meta):
        fields = [*SupportNeedSerializer.Meta.fields, "note"]


class SupportNeedHrSerializer(SupportNeedSerializer):
    """A support need in HR's list: the leader and the topic, never the note."""

    leader = LeaderRefSerializer(read_only=True)

    class Meta(SupportNeedSerializer.Meta):
        # Whether the leader shares a need with their mentor is the leader's business, not HR's.
        fields = [
            *(f for f in SupportNeedSerializer.Meta.fields if f != "shared_with_mentor"),
            "leader",
        ]


class MeSerializer(FastReadMixin, serializers.ModelSerializer[User]):
    """The logged-in user, as the web app needs it."""

    display_name = serializers.SerializerMethodField()
    organisation = OrganisationRefSerializer(read_only=True, allow_null=True)
    leader_id = serializers.IntegerField(read_only=True, allow_null=True)
    is_boss = serializers.SerializerMethodField()

    class Meta:
        model = User
        fields = [
            "id",
            "username",
            "display_name",
            "role",
            "organisation",
            "leader_id",
            "is_boss",
            "language",
        ]

    def get_display_name(self, obj: User) -> str:
        if obj.leader_id is not None and obj.leader is not None:
            return obj.leader.full_name
        return obj.get_full_name() or obj.username

    def get_is_boss(self, obj: User) -> bool:
        return obj.leader_id is not None and Leader.objects.filter(boss_id=obj.leader_id).exists()
