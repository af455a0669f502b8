export const STORAGE_KEY = "mlprep-theme";

/**
 * Runs in <head> before paint: applies a stored choice; with none, CSS follows the system setting. A
 * plain module, not the client component's, because proxy.ts admits the script by its hash.
 */
export const themeBootScript = `try{var t=localStorage.getItem("${STORAGE_KEY}");if(t==="light"||t==="dark")document.documentElement.dataset.theme=t}catch(e){}`;
