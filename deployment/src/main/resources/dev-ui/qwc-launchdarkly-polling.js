import { QwcHotReloadElement } from 'qwc-hot-reload-element';

/** How often a page reads its live figures again. */
const REFRESH_MILLIS = 3000;

/**
 * The base of the card's pages whose figures change while they are shown: each reads them in its _load(), which runs
 * when the page is shown, every REFRESH_MILLIS while it stays shown, and on a hot reload. Nothing is read once the
 * page is left.
 */
export class QwcLaunchdarklyPolling extends QwcHotReloadElement {

    connectedCallback() {
        super.connectedCallback();
        this._load();
        this._timer = setInterval(() => this._load(), REFRESH_MILLIS);
    }

    disconnectedCallback() {
        clearInterval(this._timer);
        this._timer = null;
        super.disconnectedCallback();
    }

    hotReload() {
        this._load();
    }

    /** Reads the page's figures; every page defines it. */
    _load() {
    }
}
