// Global tokens and reset first, so every component stylesheet comes after them in the cascade.
import "./styles/global.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { BrowserRouter } from "./router";
import { loadQueryClient } from "./routes";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root");

// The query cache comes with the first lazy page (src/routes.ts); the movies page reads without it.
// Whatever page this is, the next one will want the query library: fetched once this one is up.
addEventListener("load", () => void loadQueryClient(), { once: true });

createRoot(root).render(
  <StrictMode>
    <BrowserRouter>
      <App />
    </BrowserRouter>
  </StrictMode>,
);
