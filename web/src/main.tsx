// Global tokens and reset first, so every component stylesheet comes after them in the cascade.
import "./styles/global.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { BrowserRouter } from "./router";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root");

// The query cache comes with the first lazy page (src/routes.ts); the movies page reads without it.
createRoot(root).render(
  <StrictMode>
    <BrowserRouter>
      <App />
    </BrowserRouter>
  </StrictMode>,
);
