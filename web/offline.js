// Offline use: registers the service worker (sw.js, written by
// scripts/write-sw.mjs for release builds), which keeps the app's own files
// so a workshop without Wi-Fi still runs. It never stores or sends scenario
// data. When a new version is deployed, it offers a reload instead of
// switching under the user's feet.
if ("serviceWorker" in navigator) {
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
}
