// Offline and updates, for every page of the release (loaded by each app's start
// script once the app is on screen, so it never delays the first screen).
//
// 1. Registers the service worker (sw.js, at the release root beside this file). Its
//    install downloads the files of all three apps in the background: from then on
//    the unit's app, the coordinator's and results work with no connection.
// 2. When a new release has been installed beside the running one, offers it
//    ("Versi baru tersedia — muat ulang"). Nothing changes until the user accepts:
//    then the new worker takes over and the page reloads (the app saves its work when
//    the page is hidden, as on any reload). "Nanti" hides the offer; the new version
//    then starts the next time every Swanilai tab has been closed.
//
// Where service workers are unavailable (file://, old browsers, private modes that
// block them) this does nothing and the app runs online as before.
const WORDS = {
  id: {
    text: 'Versi baru tersedia — muat ulang untuk memakainya. Pekerjaan Anda tetap tersimpan.',
    reload: 'Muat ulang',
    later: 'Nanti',
  },
  en: {
    text: 'A new version is available — reload to use it. Your work stays saved.',
    reload: 'Reload',
    later: 'Later',
  },
};

function offer(worker) {
  if (document.getElementById('update-offer')) return;
  const box = document.createElement('div');
  box.id = 'update-offer';
  box.className = 'update-offer';
  box.setAttribute('role', 'status');
  const text = document.createElement('p');
  const reload = document.createElement('button');
  reload.type = 'button';
  reload.className = 'btn btn-primary';
  const later = document.createElement('button');
  later.type = 'button';
  later.className = 'btn';
  box.append(text, reload, later);
  // The app sets <html lang> to the language the user chose; follow it.
  const words = () => {
    const w = WORDS[document.documentElement.lang === 'en' ? 'en' : 'id'];
    text.textContent = w.text;
    reload.textContent = w.reload;
    later.textContent = w.later;
  };
  words();
  new MutationObserver(words).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  reload.addEventListener('click', () => {
    reload.disabled = true;
    // Reload once the new worker controls this page (see the controllerchange below).
    accepted = true;
    worker.postMessage({ type: 'SKIP_WAITING' });
  });
  later.addEventListener('click', () => box.remove());
  document.body.append(box);
}

let accepted = false;

async function start() {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  const sw = navigator.serviceWorker;
  sw.addEventListener('controllerchange', () => {
    if (accepted) window.location.reload();
  });
  let reg;
  try {
    reg = await sw.register(new URL('./sw.js', import.meta.url));
  } catch {
    return; // e.g. blocked by the browser's settings: the app still runs online
  }
  if (!reg) return; // some browsers' blocking answers with nothing at all
  // A new version installed while an older one controls this page: offer it.
  const watch = (worker) => {
    if (!worker) return;
    const check = () => {
      if (worker.state === 'installed' && sw.controller) offer(worker);
    };
    check();
    worker.addEventListener('statechange', check);
  };
  watch(reg.waiting);
  watch(reg.installing);
  reg.addEventListener('updatefound', () => watch(reg.installing));
  // A tab left open for days still hears of a release: look again (one small request
  // for sw.js) when it comes back to the foreground, at most once an hour.
  let checked = Date.now();
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && Date.now() - checked > 3600e3) {
      checked = Date.now();
      reg.update().catch(() => {});
    }
  });
}

start();
