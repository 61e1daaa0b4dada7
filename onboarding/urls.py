"""URLs of the onboarding app (mounted under /api/onboarding/)."""

from django.urls import path

from onboarding import apis, template_apis

urlpatterns = [
    path("plans/", apis.PlanListApi.as_view(), name="onboarding-plans"),
    path("plans/create/", apis.PlanCreateApi.as_view(), name="onboarding-plan-create"),
    path("plans/<int:plan_id>/", apis.PlanDetailApi.as_view(), name="onboarding-plan"),
    path(
        "plans/<int:plan_id>/items/", apis.PlanItemAddApi.as_view(), name="onboarding-plan-item-add"
    ),
    path("dashboard/", apis.DashboardApi.as_view(), name="onboarding-dashboard"),
    path("items/mine/", apis.MyItemsApi.as_view(), name="onboarding-my-items"),
    path("items/<int:item_id>/", apis.PlanItemUpdateApi.as_view(), name="onboarding-item"),
    path("items/<int:item_id>/drop/", apis.PlanItemDropApi.as_view(), name="onboarding-item-drop"),
    path(
        "items/<int:item_id>/need-help/",
        apis.PlanItemNeedHelpApi.as_view(),
        name="onboarding-item-need-help",
    ),
    path(
        "items/<int:item_id>/history/",
        apis.PlanItemHistoryApi.as_view(),
        name="onboarding-item-history",
    ),
    path("templates/", template_apis.TemplateListCreateApi.as_view(), name="onboarding-templates"),
    path(
        "templates/preview/",
        template_apis.PlanPreviewApi.as_view(),
        name="onboarding-template-preview",
    ),
    path(
        "templates/<int:template_id>/",
        template_apis.TemplateDetailApi.as_view(),
        name="onboarding-template",
    ),
    path(
        "templates/<int:template_id>/items/",
        template_apis.TemplateItemCreateApi.as_view(),
        name="onboarding-template-items",
    ),
    path(
        "template-items/<int:item_id>/",
        template_apis.TemplateItemApi.as_view(),
        name="onboarding-template-item",
    ),
    path("settings/", apis.SettingsApi.as_view(), name="onboarding-settings"),
    path("calendar/", apis.CalendarFeedApi.as_view(), name="onboarding-calendar"),
    path(
        "calendar/rotate/", apis.CalendarFeedRotateApi.as_view(), name="onboarding-calendar-rotate"
    ),
    path("calendar/<str:token>.ics", apis.calendar_ics, name="onboarding-calendar-ics"),
]
