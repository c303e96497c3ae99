import { QwcHotReloadElement, html, css } from 'qwc-hot-reload-element';
import { pageStyles } from './qwc-launchdarkly-styles.js';
import { JsonRpc } from 'jsonrpc';

/**
 * The flags the application evaluates: in local mode the stand-in's flags with their variations, each of which can be
 * served at once (pushed to the SDK over its stream, the flags file untouched); otherwise the SDK's flags as evaluated
 * for the page's context. Any flag or AI Config can be evaluated for a context typed as JSON.
 */
export class QwcLaunchdarklyFlags extends QwcHotReloadElement {

    jsonRpc = new JsonRpc(this);

    static styles = [pageStyles, css`
        code, textarea, input { font-family: var(--lumo-font-family-monospace, monospace); }
        .key { white-space: nowrap; }
        .variation { display: flex; gap: 8px; align-items: baseline; margin: 2px 0; }
        .variation code { overflow-wrap: anywhere; }
        .served { font-weight: bold; }
        .problem { color: var(--lumo-error-text-color); }
        .panel { display: flex; flex-direction: column; gap: 8px; max-width: 960px; }
        .row { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
        textarea { width: 100%; min-height: 4em; }
        input.value { min-width: 24em; }
        button { cursor: pointer; }
        dl { display: grid; grid-template-columns: max-content auto; gap: 4px 16px; margin: 0; }
        dt { color: var(--lumo-secondary-text-color); }
        dd { margin: 0; overflow-wrap: anywhere; }
    `];

    static properties = {
        _view: { state: true },
        _context: { state: true },
        _evaluation: { state: true },
        _flagKey: { state: true },
    };

    constructor() {
        super();
        this._view = null;
        this._context = '{"kind": "user", "key": "user-1", "name": "Ann"}';
        this._evaluation = null;
        this._flagKey = '';
    }

    connectedCallback() {
        super.connectedCallback();
        this._load();
    }

    hotReload() {
        this._load();
    }

    _load() {
        this.jsonRpc.getFlags({ contextJson: this._context }).then(r => { this._view = r.result; });
    }

    _serve(flagKey, valueJson) {
        this.jsonRpc.setFlagValue({ flagKey: flagKey, valueJson: valueJson, contextJson: this._context })
            .then(r => { this._view = r.result; });
    }

    _serveVariation(flagKey, variation) {
        this.jsonRpc.serveVariation({ flagKey: flagKey, variation: variation, contextJson: this._context })
            .then(r => { this._view = r.result; });
    }

    _useFile() {
        this.jsonRpc.useFlagsFile({ contextJson: this._context }).then(r => { this._view = r.result; });
    }

    _evaluate() {
        this.jsonRpc.evaluate({ flagKey: this._flagKey, contextJson: this._context })
            .then(r => { this._evaluation = r.result; });
    }

    render() {
        const v = this._view;
        if (!v) {
            return html`<p class="message">Loading the flags…</p>`;
        }
        return html`
            ${this._renderEvaluate(v)}
            <h3>Flags</h3>
            ${v.problem ? html`<p class="problem">${v.problem}</p>` : ''}
            ${v.local
                ? html`<p class="message">Served by the local stand-in from <code>${v.flagsFile || 'no file'}</code>.
                    ${v.overridden
                        ? html`Values set here are served instead of the file.
                            <button @click=${this._useFile}>Serve the flags file again</button>`
                        : 'Serve a variation, or any JSON value, and the application evaluates it at once.'}</p>`
                : html`<p class="message">Not in local mode: the flags the SDK has, evaluated for the context above.
                    Change them in LaunchDarkly.</p>`}
            <table>
                <thead><tr><th>Flag</th><th>${v.local ? 'Variations' : 'Value'}</th></tr></thead>
                <tbody>${v.flags.map(f => this._renderFlag(f, v.local))}</tbody>
            </table>`;
    }

    _renderFlag(f, local) {
        return html`
            <tr>
                <td class="key">
                    <code>${f.key}</code>${f.aiConfig ? html` <span class="message">AI Config</span>` : ''}
                    ${local ? html`<div class="message">v${f.version}${f.on ? '' : ', off'}</div>` : ''}
                </td>
                <td>
                    ${local
                        ? html`
                            ${f.variations.map((value, i) => html`
                                <div class="variation ${i === f.servedVariation ? 'served' : ''}">
                                    <span>${i}</span><code>${value}</code>
                                    ${i === f.servedVariation
                                        ? html`<span class="message">served</span>`
                                        : html`<button @click=${() => this._serveVariation(f.key, i)}>Serve</button>`}
                                </div>`)}
                            <div class="row">
                                <input class="value" placeholder="any JSON value" id="value-${f.key}">
                                <button @click=${() => this._serve(f.key,
                                    this.renderRoot.getElementById('value-' + f.key).value)}>Serve this value</button>
                            </div>`
                        : html`<code>${f.value}</code>`}
                </td>
            </tr>`;
    }

    _renderEvaluate(v) {
        const e = this._evaluation;
        return html`
            <div class="panel">
                <h3>Evaluate</h3>
                <label for="context">Context (JSON)</label>
                <textarea id="context" .value=${this._context}
                    @input=${ev => { this._context = ev.target.value; }}></textarea>
                <div class="row">
                    <select @change=${ev => { this._flagKey = ev.target.value; }}>
                        <option value="">Choose a flag</option>
                        ${v.flags.map(f => html`<option value=${f.key} ?selected=${f.key === this._flagKey}>${f.key}</option>`)}
                    </select>
                    <button @click=${this._evaluate}>Evaluate</button>
                    ${v.local ? '' : html`<button @click=${this._load}>List for this context</button>`}
                </div>
                ${e ? this._renderEvaluation(e) : ''}
            </div>`;
    }

    _renderEvaluation(e) {
        if (e.problem) {
            return html`<p class="problem">${e.problem}</p>`;
        }
        return html`
            <dl>
                <dt>Value</dt><dd><code>${e.value}</code></dd>
                <dt>Variation</dt><dd>${e.variation == null ? 'none: the default was served' : e.variation}</dd>
                <dt>Reason</dt><dd><code>${e.reason}</code></dd>
                ${e.enabled == null ? '' : html`
                    <dt>AI Config</dt><dd>${e.enabled ? 'enabled' : 'disabled'}${e.modelName ? html`, model
                        <code>${e.modelName}</code>` : ''}</dd>
                    <dt>Prompt</dt><dd>${e.prompt.length === 0 ? html`<span class="message">none</span>`
                        : e.prompt.map(line => html`<div><code>${line}</code></div>`)}</dd>`}
            </dl>
            <p class="message">This was a real evaluation: the SDK records it like any other (an AI Config also sends its
                usage event).</p>`;
    }
}
customElements.define('qwc-launchdarkly-flags', QwcLaunchdarklyFlags);
