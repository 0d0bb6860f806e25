// Offline use: registers the service worker (sw.js, written by
// scripts/write-sw.mjs for release builds), which keeps the app's own files
// so a workshop without Wi-Fi still runs. It never stores or sends scenario
// data. When a new version is deployed, it offers a reload instead of
// switching under the user's feet.
//
// On a first visit it is registered once the visit has settled: five
// seconds after the page has loaded, when the page is next idle. Installing
// it fetches and stores every file of the build, and on a two-core laptop
// that made a first import of a 100 MB export about a third slower when the
// two overlapped. A page it already serves registers at once, so a new
// version is offered as soon as the browser finds it.
const settled = (then) => {
  const idle = window.requestIdleCallback ?? ((f) => setTimeout(f, 0));
  const wait = () => setTimeout(() => idle(then, { timeout: 10_000 }), 5_000);
  if (document.readyState === "complete") wait();
  else addEventListener("load", wait, { once: true });
};
const start = (then) => (navigator.serviceWorker.controller ? then() : settled(then));
if ("serviceWorker" in navigator) start(() => {
  let offered = false;
  const offer = (worker) => {
    if (offered) return;
    offered = true;
    const banner = document.createElement("div");
    banner.className = "update";
    banner.setAttribute("role", "status");
    banner.textContent = "A new version of Flywheel is available. ";
    const button = document.createElement("button");
    button.type = "button";
    button.className = "button";
    button.textContent = "Reload";
    button.addEventListener("click", () => worker.postMessage("skip-waiting"));
    banner.append(button);
    document.body.append(banner);
  };
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (offered) location.reload();
  });
  navigator.serviceWorker
    .register("./sw.js")
    .then((registration) => {
      const watch = (worker) =>
        worker?.addEventListener("statechange", () => {
          if (worker.state === "installed" && navigator.serviceWorker.controller) offer(worker);
        });
      if (registration.waiting && navigator.serviceWorker.controller) offer(registration.waiting);
      // A new version may have begun installing before this ran (the
      // browser checks for one as the page loads).
      watch(registration.installing);
      registration.addEventListener("updatefound", () => watch(registration.installing));
    })
    .catch(() => {
      // No service worker (a development build, or a browser that refuses
      // one): the app still works online.
    });
});
