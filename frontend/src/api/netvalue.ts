/**
 * Is this network worth your time: the member's question and answers, HR's overview
 * (`/api/network-value/`).
 */
import { queryOptions } from "@tanstack/react-query";
import { api, unwrap } from "./client";
import type { components } from "./schema";

type S = components["schemas"];

export type MyValueQuestions = S["MyValueQuestions"];
export type ValueQuestion = S["ValueQuestion"];
export type ValueAnswerInput = S["ValueAnswerInputRequest"];
export type ValueOverview = S["ValueOverview"];
export type ValueOverviewNetwork = S["ValueOverviewNetwork"];
export type ValueCell = S["ValueCell"];

export async function myQuestions(): Promise<MyValueQuestions> {
  return unwrap(await api.GET("/api/network-value/mine/"));
}

export async function answer(body: ValueAnswerInput): Promise<S["ValueAnswer"]> {
  return unwrap(await api.POST("/api/network-value/answers/", { body }));
}

export async function overview(): Promise<ValueOverview> {
  return unwrap(await api.GET("/api/network-value/overview/"));
}

export async function roundOpen(): Promise<S["ValueRound"]> {
  return unwrap(await api.POST("/api/network-value/rounds/"));
}

export const netvalueKeys = {
  all: ["netvalue"] as const,
  mine: () => [...netvalueKeys.all, "mine"] as const,
  overview: () => [...netvalueKeys.all, "overview"] as const,
};

export const netvalueQueries = {
  mine: () => queryOptions({ queryKey: netvalueKeys.mine(), queryFn: myQuestions }),
  overview: () => queryOptions({ queryKey: netvalueKeys.overview(), queryFn: overview }),
};
