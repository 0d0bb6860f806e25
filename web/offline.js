// Offline use: registers the service worker (sw.js, written by
// scripts/write-sw.mjs for release builds), which keeps the app's own files
// so a workshop without Wi-Fi still runs. It never stores or sends scenario
// data. When a new version is deployed, it offers a reload instead of
// switching under the user's feet.
//
// It is registered once the first visit has settled: five seconds after the
// page has loaded, when the page is next idle. Installing it fetches and
// stores every file of the build, and on a two-core laptop that made a first
// import of a 100 MB export about a third slower when the two overlapped.
const settled = (then) => {
  const idle = window.requestIdleCallback ?? ((f) => setTimeout(f, 0));
  const wait = () => setTimeout(() => idle(then, { timeout: 10_000 }), 5_000);
  if (document.readyState === "complete") wait();
  else addEventListener("load", wait, { once: true });
};
if ("serviceWorker" in navigator) settled(() => {
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
      if (registration.waiting && navigator.serviceWorker.controller) offer(registration.waiting);
      registration.addEventListener("updatefound", () => {
        const worker = registration.installing;
        worker?.addEventListener("statechange", () => {
          if (worker.state === "installed" && navigator.serviceWorker.controller) offer(worker);
        });
      });
    })
    .catch(() => {
      // No service worker (a development build, or a browser that refuses
      // one): the app still works online.
    });
});
