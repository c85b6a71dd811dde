/**
 * English messages for zod/mini, which loads no locale by itself (classic zod did): API and form
 * errors keep reading "Too big: expected string to have <=200 characters". The setting is global,
 * so the worker's entry imports this once, and so do the modules that turn issues into messages.
 * (A re-exported `z` carrying this would defeat tree-shaking: all of zod would be bundled.)
 */
import { config } from "zod/mini";
import en from "zod/v4/locales/en.js";

config(en());
