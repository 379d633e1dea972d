import { mount } from "svelte";
import App from "./App.svelte";
import "./app.css";

// A kiosk has no context menu: nothing to inspect, save or open elsewhere.
document.addEventListener("contextmenu", (e) => e.preventDefault());

const target = document.getElementById("app");
if (!target) throw new Error("#app missing from index.html");
export default mount(App, { target });
