import { html, css } from 'qwc-hot-reload-element';
import { pageStyles } from './qwc-launchdarkly-styles.js';
import { QwcLaunchdarklyPolling } from './qwc-launchdarkly-polling.js';
import { JsonRpc } from 'jsonrpc';
import { trackedKeys } from 'build-time-data';

/**
 * The event keys the build instrumented with @TrackedMetric, where each is tracked, and, live, how many events the
 * local stand-in received per key, how many could not be sent, and what the metric registration did.
 */
export class QwcLaunchdarklyTracked extends QwcLaunchdarklyPolling {

    jsonRpc = new JsonRpc(this);

    static styles = [pageStyles, css`
        .methods { color: var(--lumo-secondary-text-color); }
        .failures { color: var(--lumo-error-text-color); }
        .actions { display: flex; gap: 8px; align-items: center; }
    `];

    static properties = {
        _tracking: { state: true },
        _registration: { state: true },
        _plan: { state: true },
        _running: { state: true },
    };

    constructor() {
        super();
        this._tracking = null;
        this._registration = null;
        this._plan = null;
        this._running = false;
    }

    _run(dryRun) {
        this._running = true;
        this.jsonRpc.runRegistration({ dryRun: dryRun }).then(response => {
            this._running = false;
            if (dryRun) {
                this._plan = response.result;
            } else {
                this._plan = null;
                this._registration = response.result;
            }
        }).catch(() => { this._running = false; });
    }

    _load() {
        this.jsonRpc.getTracking().then(response => { this._tracking = response.result; });
        this.jsonRpc.getRegistration().then(response => { this._registration = response.result; });
    }

    render() {
        return html`${this._renderTracked()}${this._renderRegistration()}`;
    }

    _renderRegistration() {
        const r = this._registration;
        if (!r) {
            return '';
        }
        if (r.state === 'disabled') {
            return html`<h3>Registration</h3><p class="message">Off: ${r.problem}</p>`;
        }
        return html`
            <h3>Registration in project <code>${r.projectKey}</code>: ${r.state}</h3>
            <div class="actions">
                <button ?disabled=${this._running} @click=${() => this._run(true)}>Dry run</button>
                <button ?disabled=${this._running} @click=${() => this._run(false)}>Run registration</button>
                <span class="message">${this._running ? 'Running…'
                    : 'A dry run says what would change and changes nothing; a run applies the definitions now.'}</span>
            </div>
            ${r.problem ? html`<p class="failures">${r.problem}</p>` : ''}
            ${this._outcomes(r)}
            ${this._plan ? html`
                <h3>Dry run: ${this._plan.state}</h3>
                ${this._plan.problem ? html`<p class="failures">${this._plan.problem}</p>` : ''}
                ${this._outcomes(this._plan)}` : ''}`;
    }

    _outcomes(r) {
        return html`
            <table>
                <thead><tr><th>Metric</th><th>Outcome</th><th>Fields</th><th>Reason</th></tr></thead>
                <tbody>
                    ${r.outcomes.map(o => html`
                        <tr>
                            <td><code>${o.metricKey}</code></td>
                            <td>${o.status}</td>
                            <td>${o.changedFields.join(', ')}</td>
                            <td>${o.reason || ''}</td>
                        </tr>`)}
                </tbody>
            </table>`;
    }

    _renderTracked() {
        if (!trackedKeys || trackedKeys.length === 0) {
            return html`<p class="message">No method is annotated with <code>@TrackedMetric</code>.</p>`;
        }
        const received = this._tracking ? this._tracking.receivedByKey : {};
        const notSent = this._tracking && this._tracking.notSent ? this._tracking.notSent.filter(f => f.count > 0) : [];
        return html`
            ${notSent.length > 0
                ? html`<div class="failures">Not sent:
                    <ul>${notSent.map(f => html`<li>${f.reason} — <code>${f.where}</code>: ${f.count}</li>`)}</ul>
                  </div>`
                : ''}
            <table>
                <thead><tr><th>Event key</th><th>Sends</th><th>Received by the stand-in</th><th>Tracked in</th></tr></thead>
                <tbody>
                    ${trackedKeys.map(k => html`
                        <tr>
                            <td><code>${k.key}</code></td>
                            <td>${[k.sendsValue ? 'value' : null, k.sendsConversion ? 'conversion' : null]
                                    .filter(x => x).join(' + ')}</td>
                            <td>${this._tracking && this._tracking.local ? (received[k.key] || 0) : '—'}</td>
                            <td class="methods">${k.methods.map(m => html`<div><code>${m}</code></div>`)}</td>
                        </tr>`)}
                </tbody>
            </table>`;
    }
}
customElements.define('qwc-launchdarkly-tracked', QwcLaunchdarklyTracked);
