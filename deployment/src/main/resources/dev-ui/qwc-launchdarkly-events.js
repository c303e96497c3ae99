import { QwcHotReloadElement, html, css } from 'qwc-hot-reload-element';
import { JsonRpc } from 'jsonrpc';
// The charting library the Dev UI ships: defines the global echarts.
import 'echarts/dist/echarts.min.js';
import '@vaadin/button';
import '@vaadin/icon';

/** How many rows the page keeps; older ones are dropped from the table (the server keeps its own journal). */
const MAX_ROWS = 300;

/**
 * The events the local LaunchDarkly stand-in receives: the retained journal, then every new event as it arrives.
 * After a hot reload (a new application, so a new stand-in and journal) it loads and subscribes again.
 */
export class QwcLaunchdarklyEvents extends QwcHotReloadElement {

    jsonRpc = new JsonRpc(this);

    static styles = css`
        :host {
            display: flex;
            flex-direction: column;
            height: 100%;
            padding: 0 16px 16px 16px;
            gap: 12px;
        }
        .toolbar {
            display: flex;
            align-items: center;
            justify-content: space-between;
            gap: 12px;
            flex-wrap: wrap;
        }
        .toolbar.send { justify-content: flex-start; }
        .events-chart { height: 180px; flex: none; }
        .toolbar.send input { font-family: var(--lumo-font-family-monospace, monospace); }
        .totals {
            color: var(--lumo-secondary-text-color);
            font-size: var(--lumo-font-size-s);
        }
        .counts {
            display: flex;
            flex-wrap: wrap;
            gap: 6px;
        }
        .count {
            border-radius: var(--lumo-border-radius-m);
            background: var(--lumo-contrast-5pct);
            padding: 2px 8px;
            font-size: var(--lumo-font-size-s);
        }
        .count b {
            font-family: var(--lumo-font-family-monospace, monospace);
        }
        .table-wrapper {
            flex: 1;
            overflow: auto;
        }
        table {
            width: 100%;
            border-collapse: collapse;
            font-size: var(--lumo-font-size-s);
        }
        th {
            position: sticky;
            top: 0;
            background: var(--lumo-base-color);
            text-align: left;
            padding: 6px 10px;
            font-weight: 600;
            color: var(--lumo-secondary-text-color);
            border-bottom: 2px solid var(--lumo-contrast-10pct);
        }
        td {
            padding: 4px 10px;
            border-bottom: 1px solid var(--lumo-contrast-10pct);
            vertical-align: top;
        }
        td.mono {
            font-family: var(--lumo-font-family-monospace, monospace);
            overflow-wrap: anywhere;
        }
        td.key, td.time {
            /* An event key or a time is read as one word: never broken across lines. */
            white-space: nowrap;
        }
        .kind-custom { color: var(--lumo-success-text-color); font-weight: 600; }
        .kind-identify { color: var(--lumo-primary-text-color); }
        .kind-summary, .kind-index { color: var(--lumo-secondary-text-color); }
        .message {
            color: var(--lumo-secondary-text-color);
            padding: 16px 0;
        }
        .off h3 { margin: 8px 0; }
        dl {
            display: grid;
            grid-template-columns: max-content auto;
            gap: 4px 16px;
            margin: 0;
        }
        dt { color: var(--lumo-secondary-text-color); }
        dd { margin: 0; font-family: var(--lumo-font-family-monospace, monospace); }
    `;

    static properties = {
        _view: { state: true },
        _rows: { state: true },
        _counts: { state: true },
        _total: { state: true },
        _error: { state: true },
        _sent: { state: true },
    };

    constructor() {
        super();
        this._view = null;
        this._rows = [];
        this._counts = {};
        this._total = 0;
        this._error = null;
        this._sent = null;
        this._observer = null;
        this._pending = null;
        this._lastSequence = 0;
    }

    connectedCallback() {
        super.connectedCallback();
        this._load();
    }

    disconnectedCallback() {
        this._stopStream();
        super.disconnectedCallback();
    }

    hotReload() {
        this._load();
    }

    _load() {
        this._stopStream();
        // Subscribe first and hold what arrives until the snapshot is in, so nothing falls between the two.
        this._pending = [];
        this._observer = this.jsonRpc.streamEvents().onNext(response => this._onEvent(response.result));
        this.jsonRpc.getEvents().then(response => {
            this._applySnapshot(response.result);
            const held = this._pending || [];
            this._pending = null;
            held.filter(row => row.sequence > this._lastSequence).forEach(row => this._onEvent(row));
        }).catch(error => {
            this._pending = null;
            this._stopStream();
            this._error = error?.error?.message || 'The events could not be loaded';
        });
    }

    _stopStream() {
        if (this._observer) {
            this._observer.cancel();
            this._observer = null;
        }
    }

    _applySnapshot(view) {
        this._view = view;
        this._rows = (view.events || []).slice(0, MAX_ROWS);
        this._counts = { ...(view.customEventCounts || {}) };
        this._total = view.total;
        this._lastSequence = this._rows.length > 0 ? this._rows[0].sequence : view.total;
        this._error = null;
    }

    _onEvent(row) {
        if (!row) {
            return;
        }
        if (this._pending !== null) {
            this._pending.push(row);
            return;
        }
        if (row.sequence <= this._lastSequence) {
            // The journal was cleared elsewhere (sequences start again at 1).
            this._rows = [];
            this._counts = {};
        }
        this._lastSequence = row.sequence;
        this._total = row.sequence;
        const rows = [row, ...this._rows];
        if (rows.length > MAX_ROWS) {
            rows.length = MAX_ROWS;
        }
        this._rows = rows;
        if (row.kind === 'custom' && row.key) {
            this._counts = { ...this._counts, [row.key]: (this._counts[row.key] || 0) + 1 };
        }
    }

    _clear() {
        this.jsonRpc.clearEvents().then(response => {
            this._applySnapshot(response.result);
            this._lastSequence = 0;
        });
    }

    render() {
        if (this._error) {
            return html`<div class="message">${this._error}</div>`;
        }
        if (this._view === null) {
            return html`<div class="message">Loading…</div>`;
        }
        if (!this._view.local) {
            return this._renderOff();
        }
        return html`
            <div class="toolbar">
                <span class="totals">
                    ${this._total} event(s) received${this._view.dropped > 0
                        ? html`, older ones beyond the journal capacity dropped` : ''};
                    showing the ${this._rows.length} most recent
                </span>
                <vaadin-button theme="small" @click=${this._clear} title="Forget every received event and count">
                    <vaadin-icon icon="font-awesome-solid:trash" slot="prefix"></vaadin-icon>
                    Clear
                </vaadin-button>
            </div>
            <div class="toolbar send">
                <input id="test-key" placeholder="event key" value="test.event">
                <input id="test-context" placeholder="context JSON" value='{"kind": "user", "key": "dev-ui"}'>
                <input id="test-value" placeholder="value (empty: a conversion)" size="12">
                <vaadin-button theme="small" @click=${this._sendTestEvent}
                    title="Send a custom event through the application's client, flushed at once">Send test event</vaadin-button>
                ${this._sent ? html`<span class="totals">${this._sent}</span>` : ''}
            </div>
            ${this._renderCounts()}
            ${this._rows.some(r => r.kind === 'custom')
                ? html`<div class="events-chart" id="events-chart" title="Custom events per key, per 10 seconds"></div>`
                : ''}
            <div class="table-wrapper">
                ${this._rows.length === 0
                    ? html`<div class="message">No event received yet. The SDK delivers its events every
                        flush interval (quarkus.launchdarkly.events.flush-interval) or on LDClient.flush().</div>`
                    : this._renderTable()}
            </div>
        `;
    }

    _renderCounts() {
        const keys = Object.keys(this._counts).sort();
        if (keys.length === 0) {
            return html``;
        }
        return html`
            <div class="counts" title="Custom events received per key">
                ${keys.map(key => html`<span class="count">${key}: <b>${this._counts[key]}</b></span>`)}
            </div>
        `;
    }

    _renderTable() {
        return html`
            <table>
                <thead>
                    <tr>
                        <th>Time</th>
                        <th>Kind</th>
                        <th>Key</th>
                        <th>Context</th>
                        <th>Value</th>
                        <th>Data</th>
                    </tr>
                </thead>
                <tbody>
                    ${this._rows.map(row => html`
                        <tr>
                            <td class="time" title="received ${this._time(row.receivedAt)}">${this._time(row.createdAt)}</td>
                            <td class="kind-${row.kind}">${row.kind}</td>
                            <td class="mono key">${row.key ?? ''}</td>
                            <td class="mono">${row.context ?? ''}</td>
                            <td class="mono">${row.value ?? ''}</td>
                            <td class="mono">${row.data ?? ''}</td>
                        </tr>
                    `)}
                </tbody>
            </table>
        `;
    }

    /** Custom events per key in 10-second buckets of their creation time, from the events the page holds. */
    updated() {
        const element = this.renderRoot.getElementById('events-chart');
        if (!element) {
            return;
        }
        if (!this._chart || this._chart.getDom() !== element) {
            this._chart = echarts.init(element);
        }
        const bucket = 10000;
        const byKey = new Map();
        for (const row of this._rows) {
            if (row.kind !== 'custom' || !row.key) {
                continue;
            }
            const time = Math.floor(row.createdAt / bucket) * bucket;
            const counts = byKey.get(row.key) || new Map();
            counts.set(time, (counts.get(time) || 0) + 1);
            byKey.set(row.key, counts);
        }
        this._chart.setOption({
            animation: false, // redrawn with every event
            tooltip: { trigger: 'axis' },
            legend: { type: 'scroll', top: 0 },
            grid: { left: 40, right: 16, top: 32, bottom: 24 },
            xAxis: { type: 'time' },
            yAxis: { type: 'value', minInterval: 1 },
            series: [...byKey.entries()].map(([key, counts]) => ({
                name: key, type: 'bar', stack: 'events', barMaxWidth: 24,
                data: [...counts.entries()].sort((a, b) => a[0] - b[0]),
            })),
        }, true);
    }

    _sendTestEvent() {
        const field = id => this.renderRoot.getElementById(id).value;
        this.jsonRpc.sendTestEvent({ eventKey: field('test-key'), contextJson: field('test-context'),
            value: field('test-value') }).then(response => { this._sent = response.result; });
    }

    _renderOff() {
        const c = this._view.counters || {};
        if (this._view.offline) {
            return html`
                <div class="off">
                    <h3>The client is offline</h3>
                    <div class="message">
                        Offline, the LaunchDarkly SDK discards every event before it is queued: nothing is sent, so
                        nothing is counted here, and flags evaluate to their defaults. Without
                        <code>quarkus.launchdarkly.offline=true</code> and with no SDK key, dev mode starts the local
                        stand-in and this page lists the events it receives.
                    </div>
                </div>`;
        }
        return html`
            <div class="off">
                <h3>The local LaunchDarkly stand-in is off</h3>
                <div class="message">
                    The client is not in local mode: its events go to LaunchDarkly (or nowhere when offline), so they
                    cannot be listed here. See the Client page for where it connects. What the application has handed
                    to the SDK so far:
                </div>
                <dl>
                    <dt>Custom events</dt><dd>${c.customEvents}</dd>
                    <dt>Identify events</dt><dd>${c.identifyEvents}</dd>
                    <dt>Flag evaluations</dt><dd>${c.evaluations}</dd>
                    <dt>Flush requests</dt><dd>${c.flushRequests}</dd>
                </dl>
            </div>
        `;
    }

    /** Local time as 2026-12-02 18:51:11.901: sortable, and the same whatever the browser's locale. */
    _time(epochMillis) {
        const d = new Date(epochMillis);
        const two = n => String(n).padStart(2, '0');
        return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} `
            + `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}.`
            + String(d.getMilliseconds()).padStart(3, '0');
    }
}

customElements.define('qwc-launchdarkly-events', QwcLaunchdarklyEvents);
