import { html, css } from 'qwc-hot-reload-element';
import { QwcLaunchdarklyPolling } from './qwc-launchdarkly-polling.js';
import { JsonRpc } from 'jsonrpc';
import '@vaadin/button';
import '@vaadin/icon';

/**
 * How the LaunchDarkly client is set up: its mode, where it connects, its data source, what it has recorded. The SDK
 * key is never sent to this page.
 */
export class QwcLaunchdarklyClient extends QwcLaunchdarklyPolling {

    jsonRpc = new JsonRpc(this);

    static styles = css`
        :host {
            display: flex;
            flex-direction: column;
            padding: 0 16px 16px 16px;
            gap: 16px;
        }
        section h3 {
            margin: 8px 0;
            font-size: var(--lumo-font-size-l);
        }
        dl {
            display: grid;
            grid-template-columns: max-content auto;
            gap: 4px 24px;
            margin: 0;
        }
        dt { color: var(--lumo-secondary-text-color); }
        dd { margin: 0; font-family: var(--lumo-font-family-monospace, monospace); word-break: break-all; }
        .mode {
            display: inline-block;
            border-radius: var(--lumo-border-radius-m);
            padding: 2px 10px;
            font-weight: 600;
            background: var(--lumo-contrast-10pct);
        }
        .mode-local { background: var(--lumo-success-color-10pct); color: var(--lumo-success-text-color); }
        .mode-remote { background: var(--lumo-primary-color-10pct); color: var(--lumo-primary-text-color); }
        .mode-offline { background: var(--lumo-contrast-10pct); color: var(--lumo-secondary-text-color); }
        .state-VALID { color: var(--lumo-success-text-color); }
        .state-INTERRUPTED, .state-INITIALIZING { color: var(--lumo-warning-text-color, var(--lumo-primary-text-color)); }
        .state-OFF { color: var(--lumo-error-text-color); }
        .message { color: var(--lumo-secondary-text-color); }
    `;

    static properties = {
        _info: { state: true },
        _error: { state: true },
    };

    constructor() {
        super();
        this._info = null;
        this._error = null;
    }

    _load() {
        this.jsonRpc.getClientInfo().then(response => {
            this._info = response.result;
            this._error = null;
        }).catch(error => {
            this._error = error?.error?.message || 'The client state could not be read';
        });
    }

    render() {
        if (this._error) {
            return html`<div class="message">${this._error}</div>`;
        }
        if (this._info === null) {
            return html`<div class="message">Loading…</div>`;
        }
        const info = this._info;
        return html`
            <section>
                <h3>Connection</h3>
                <dl>
                    <dt>Mode</dt>
                    <dd><span class="mode mode-${info.mode}">${info.mode}</span> ${this._modeText(info.mode)}</dd>
                    ${info.keyConfiguredBy ? html`<dt>SDK key</dt><dd>set by ${info.keyConfiguredBy}</dd>` : ''}
                    ${this._renderStandIn(info.standIn)}
                    ${this._renderEndpoints(info.endpoints)}
                </dl>
            </section>
            <section>
                <h3>Data source</h3>
                <dl>
                    <dt>State</dt>
                    <dd class="state-${info.dataSource.state}">${info.dataSource.state}</dd>
                    <dt>Since</dt><dd>${this._time(info.dataSource.since)}</dd>
                    <dt>Initialized</dt><dd>${info.initialized ? 'yes' : 'no'}</dd>
                    ${info.dataSource.lastError ? html`
                        <dt>Last error</dt>
                        <dd>${info.dataSource.lastError.kind}${info.dataSource.lastError.statusCode
                            ? ' (HTTP ' + info.dataSource.lastError.statusCode + ')' : ''}
                            ${info.dataSource.lastError.message ?? ''} at ${this._time(info.dataSource.lastError.time)}</dd>
                    ` : ''}
                </dl>
            </section>
            <section>
                <h3>Recorded by the application</h3>
                <dl>
                    <dt>Custom events</dt><dd>${info.counters.customEvents}</dd>
                    <dt>Identify events</dt><dd>${info.counters.identifyEvents}</dd>
                    <dt>Flag evaluations</dt><dd>${info.counters.evaluations}</dd>
                    <dt>Flush requests</dt><dd>${info.counters.flushRequests}</dd>
                    <dt>Recently recorded</dt><dd>${info.counters.recentlyRecorded}
                        <span class="message">(custom and identify events of the last two flush intervals)</span></dd>
                </dl>
            </section>
            <section>
                <h3>Delivery to LaunchDarkly</h3>
                <dl>
                    <dt>State</dt>
                    <dd class="state-${info.delivery.stopped ? 'OFF' : 'VALID'}">${info.delivery.stopped
                        ? 'stopped' : 'delivering'}${info.delivery.stopped
                        ? html` <span class="message">${info.delivery.stoppedBecause}</span>` : ''}</dd>
                    <dt>Events sent</dt><dd>${info.delivery.sent}</dd>
                    <dt>Delivered</dt><dd>${info.delivery.delivered}</dd>
                    <dt>Waiting</dt><dd>${info.delivery.waiting}
                        <span class="message">(${info.delivery.spoolBytes} bytes in memory)</span></dd>
                    <dt>Attempts</dt><dd>${info.delivery.attempts} (${info.delivery.failedAttempts} failed)</dd>
                    ${info.delivery.lastFailure ? html`<dt>Last failure</dt><dd>${info.delivery.lastFailure}</dd>` : ''}
                    <dt>Lost</dt><dd>${info.delivery.lost}</dd>
                    ${Object.entries(info.delivery.lostByCause).map(([cause, count]) =>
                        html`<dt>&nbsp;&nbsp;${cause}</dt><dd>${count}</dd>`)}
                </dl>
            </section>
            <section>
                <h3>Versions</h3>
                <dl>
                    <dt>${info.extensionName}</dt><dd>${info.extensionVersion}</dd>
                    <dt>LaunchDarkly Java server SDK</dt><dd>${info.sdkVersion}</dd>
                </dl>
            </section>
        `;
    }

    _modeText(mode) {
        switch (mode) {
            case 'local': return 'the SDK talks to the local stand-in inside the application';
            case 'remote': return 'the SDK talks to LaunchDarkly';
            case 'offline': return 'no connection: flags evaluate to their defaults and no event is sent';
            default: return '';
        }
    }

    _renderStandIn(standIn) {
        if (!standIn) {
            return '';
        }
        return html`
            <dt>Stand-in</dt><dd>${standIn.running ? standIn.baseUri : 'not running'}</dd>
            <dt>Flag file</dt><dd>${standIn.flagsFile}</dd>
            <dt>Open SDK streams</dt><dd>${standIn.openStreams}</dd>
            <dt>Journal capacity</dt><dd>${standIn.journalCapacity} events</dd>
        `;
    }

    _renderEndpoints(endpoints) {
        if (!endpoints) {
            return '';
        }
        if (endpoints.launchDarklyDefaults) {
            return html`<dt>Endpoints</dt><dd>LaunchDarkly's own</dd>`;
        }
        if (endpoints.relayProxy) {
            return html`<dt>Relay proxy</dt><dd>${endpoints.relayProxy}</dd>`;
        }
        return html`
            <dt>Streaming</dt><dd>${endpoints.streaming}</dd>
            <dt>Polling</dt><dd>${endpoints.polling}</dd>
            <dt>Events</dt><dd>${endpoints.events}</dd>
        `;
    }

    _time(iso) {
        if (!iso) {
            return '';
        }
        return new Date(iso).toLocaleString();
    }
}

customElements.define('qwc-launchdarkly-client', QwcLaunchdarklyClient);
