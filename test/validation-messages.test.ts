// The API's validation errors are zod's English sentences (the worker uses zod/mini, which loads no
// language by itself: src/lib/zod-english.ts). District developers read these in `details`.
import { describe, expect, it } from "vitest";
import { api, createDistrict } from "./world";

type Problem = { error: { code: string; message: string; details: { path: string; message: string }[] } };

describe("API validation messages", () => {
  it("say what is wrong with a body, field by field, in English", async () => {
    const d = await createDistrict();
    const res = await api(d.token, "PUT", "/schools/SCH1", { name: "x".repeat(201), colour: "blue" });
    expect(res.status).toBe(422);
    const body = (await res.json()) as Problem;
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.details).toEqual(
      expect.arrayContaining([
        { path: "name", message: "Too big: expected string to have <=200 characters" },
        { path: "", message: 'Unrecognized key: "colour"' },
      ]),
    );
    expect(body.error.message).toBe("Invalid json: name Too big: expected string to have <=200 characters");
  });

  it("say what is wrong with a query, and with a missing field", async () => {
    const d = await createDistrict();
    const query = (await (await api(d.token, "GET", "/invitations?limit=0")).json()) as Problem;
    expect(query.error.details).toEqual([{ path: "limit", message: "Too small: expected number to be >=1" }]);
    const missing = (await (await api(d.token, "PUT", "/schools/SCH1", {})).json()) as Problem;
    expect(missing.error.details).toEqual([{ path: "name", message: "Invalid input: expected string, received undefined" }]);
  });
});
