from django.urls import path

from backend.netvalue.apis import netvalue

urlpatterns = [
    path("network-value/mine/", netvalue.MyValueQuestionsApi.as_view(), name="netvalue-mine"),
    path("network-value/answers/", netvalue.ValueAnswerApi.as_view(), name="netvalue-answer"),
    path("network-value/overview/", netvalue.ValueOverviewApi.as_view(), name="netvalue-overview"),
    path("network-value/rounds/", netvalue.ValueRoundOpenApi.as_view(), name="netvalue-rounds"),
]
