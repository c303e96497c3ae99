import { html, css } from 'qwc-hot-reload-element';
import { pageStyles } from './qwc-launchdarkly-styles.js';
import { QwcLaunchdarklyPolling } from './qwc-launchdarkly-polling.js';
import { JsonRpc } from 'jsonrpc';
import { aiGenerations } from 'build-time-data';
// The charting library the Dev UI ships (its echarts components use it too): defines the global echarts.
import 'echarts/dist/echarts.min.js';

/** The charts of the page: one per measurement, a line per config variation. */
const CHARTS = [
    { metric: 'duration', title: 'Duration (ms)' },
    { metric: 'ttft', title: 'Time to first token (ms)' },
    { metric: 'tokens', title: 'Tokens (total)' },
];

/**
 * The methods the build instrumented with @AiGeneration (known at build time), and, live, what their AI Configs did
 * per config and variation, counted from the AI events the local stand-in received.
 */
export class QwcLaunchdarklyAi extends QwcLaunchdarklyPolling {

    jsonRpc = new JsonRpc(this);

    static styles = [pageStyles, css`
        th.number { text-align: right; }
        td.number { text-align: right; white-space: nowrap; }
        tr.config td { font-weight: 600; background: var(--lumo-contrast-5pct); }
        tr.variation td:first-child { padding-left: 32px; }
        tr.config td:first-child code, tr.variation td:first-child code { white-space: nowrap; }
        .none { color: var(--lumo-disabled-text-color, var(--lumo-secondary-text-color)); }
        .model { color: var(--lumo-secondary-text-color); font-size: var(--lumo-font-size-xs); }
        .error { color: var(--lumo-error-text-color); }
        .success { color: var(--lumo-success-text-color); }
        .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(360px, 1fr)); gap: 12px; }
        .chart { height: 240px; }
    `];

    static properties = {
        _activity: { state: true },
        _error: { state: true },
    };

    constructor() {
        super();
        this._activity = null;
        this._error = null;
    }

    _load() {
        this.jsonRpc.getAiActivity().then(response => {
            this._activity = response.result;
            this._error = null;
        }).catch(error => {
            this._error = error?.error?.message || 'The AI activity could not be read';
        });
    }

    render() {
        return html`${this._renderMethods()}${this._renderActivity()}${this._renderCharts()}`;
    }

    _renderCharts() {
        const series = this._series();
        if (series.length === 0) {
            return '';
        }
        return html`
            <h3>Over time</h3>
            <div class="charts">
                ${CHARTS.filter(c => series.some(s => s.points.some(p => p.metric === c.metric)))
                    .map(c => html`<div class="chart" id="chart-${c.metric}" title="${c.title}"></div>`)}
            </div>`;
    }

    /** Per config variation, its points: what the charts draw. */
    _series() {
        const a = this._activity;
        if (!a || !a.local) {
            return [];
        }
        const series = [];
        for (const c of a.configs) {
            for (const v of c.variations) {
                if (v.points && v.points.length > 0) {
                    series.push({ name: `${c.configKey} / ${v.variationKey || '(none)'}`, points: v.points });
                }
            }
        }
        return series;
    }

    updated() {
        const series = this._series();
        this._charts = this._charts || {};
        for (const c of CHARTS) {
            const element = this.renderRoot.getElementById(`chart-${c.metric}`);
            if (!element) {
                continue;
            }
            let chart = this._charts[c.metric];
            if (!chart || chart.getDom() !== element) {
                chart = echarts.init(element);
                this._charts[c.metric] = chart;
            }
            chart.setOption({
                animation: false, // redrawn at every poll
                title: { text: c.title, textStyle: { fontSize: 13 } },
                tooltip: { trigger: 'axis' },
                legend: { bottom: 0, type: 'scroll' },
                grid: { left: 48, right: 16, top: 36, bottom: 48 },
                xAxis: { type: 'time' },
                yAxis: { type: 'value', min: 0 },
                series: series.map(s => ({
                    name: s.name, type: 'line', showSymbol: true, symbolSize: 5,
                    data: s.points.filter(p => p.metric === c.metric).map(p => [p.time, p.value]),
                })),
            }, true);
        }
    }

    _renderMethods() {
        if (!aiGenerations || aiGenerations.length === 0) {
            return html`<p class="message">No method is annotated with <code>@AiGeneration</code>.
                Annotate a bean method that calls a model with <code>@AiGeneration(config = "your-ai-config")</code>
                and the extension evaluates the AI Config for each call and records the run.</p>`;
        }
        return html`
            <h3>Instrumented methods</h3>
            <table>
                <thead><tr>
                    <th>Method</th><th>AI Config</th><th>Mode</th><th>Result</th><th>Metrics extractor</th>
                    <th>Fallback</th><th>Default config</th>
                </tr></thead>
                <tbody>
                    ${aiGenerations.map(g => html`
                        <tr>
                            <td title="${g.method}"><code>${this._shortMethod(g.method)}</code></td>
                            <td><code>${g.configKey}</code></td>
                            <td>${g.mode}</td>
                            <td>${g.result}</td>
                            <td>${g.extractor ? html`<code>${g.extractor}</code>`
                                    : html`<span class="none">none: no tokens recorded</span>`}</td>
                            <td>${this._optionalMethod(g.fallback, 'throws AiConfigDisabledException')}</td>
                            <td>${this._optionalMethod(g.defaultConfig, 'none: disabled when the flag is missing')}</td>
                        </tr>`)}
                </tbody>
            </table>`;
    }

    /** Class#method(...) without the package, which would push the other columns out of sight; hover shows it. */
    _shortMethod(description) {
        const hash = description.indexOf('#');
        const type = hash < 0 ? description : description.substring(0, hash);
        return type.substring(type.lastIndexOf('.') + 1) + (hash < 0 ? '' : description.substring(hash));
    }

    _optionalMethod(name, otherwise) {
        return name ? html`<code>${name}()</code>` : html`<span class="none">${otherwise}</span>`;
    }

    _renderActivity() {
        const heading = html`<h3>Activity at the local stand-in</h3>`;
        if (this._error) {
            return html`${heading}<p class="error">${this._error}</p>`;
        }
        const a = this._activity;
        if (!a) {
            return html`${heading}<p class="message">Loading…</p>`;
        }
        if (!a.local) {
            return html`${heading}<p class="message">The client is not in local mode: its AI events go to
                LaunchDarkly, whose AI Config monitoring shows them.</p>`;
        }
        if (a.configs.length === 0) {
            return html`${heading}<p class="message">No AI Config event received yet. Events arrive when the SDK
                flushes them.</p>`;
        }
        return html`
            ${heading}
            ${a.eventsDropped > 0
                ? html`<p class="message">The journal let ${a.eventsDropped} older events go: the figures miss the
                    oldest runs.</p>`
                : ''}
            <table>
                <thead><tr>
                    <th>Config / variation</th><th class="number">Usage</th><th class="number">Runs</th>
                    <th class="number">Success</th><th class="number">Error</th><th class="number">Feedback (pos. / neg.)</th>
                    <th class="number">Tokens (in / out)</th><th class="number">Avg duration</th>
                    <th class="number">Avg time to first token</th><th class="number">Tool calls</th>
                    <th>Judge scores (avg, n)</th>
                </tr></thead>
                <tbody>
                    ${a.configs.map(c => html`
                        <tr class="config">
                            <td><code>${c.configKey}</code></td>
                            <td class="number">${c.usage}</td>
                            ${this._figures(c.totals)}
                        </tr>
                        ${c.variations.map(v => html`
                            <tr class="variation">
                                <td>
                                    <code>${v.variationKey || '(no variation key)'}</code>
                                    ${v.version != null ? html`<span class="model">v${v.version}</span>` : ''}
                                    ${v.modelName || v.providerName
                                        ? html`<div class="model">${[v.providerName, v.modelName].filter(x => x)
                                                .join(' / ')}</div>`
                                        : ''}
                                </td>
                                <td class="number none">—</td>
                                ${this._figures(v.figures)}
                            </tr>`)}
                    `)}
                </tbody>
            </table>
            <p class="message">Usage counts every evaluation of the config, also those answered by a fallback; it
                cannot be split by variation, as the usage event names only the config.</p>`;
    }

    _figures(f) {
        return html`
            <td class="number">${f.runs}</td>
            <td class="number ${f.success > 0 ? 'success' : ''}">${f.success}</td>
            <td class="number ${f.error > 0 ? 'error' : ''}">${f.error}</td>
            <td class="number">${f.feedbackPositive} / ${f.feedbackNegative}</td>
            <td class="number">${f.totalTokens}${f.inputTokens || f.outputTokens
                ? html` <span class="model">(${f.inputTokens} / ${f.outputTokens})</span>` : ''}</td>
            <td class="number">${this._millis(f.avgDurationMs)}</td>
            <td class="number">${this._millis(f.avgTimeToFirstTokenMs)}</td>
            <td class="number">${f.toolCalls}</td>
            <td>${(f.judgeScores || []).length === 0
                ? html`<span class="none">—</span>`
                : f.judgeScores.map(j => html`<div title="${j.judgeConfigKey}"><code>${this._scoreName(j.metricKey)}</code>
                    ${j.average.toFixed(2)} <span class="model">(${j.scores})</span></div>`)}</td>`;
    }

    /** "$ld:ai:judge:relevance" reads "relevance"; another metric key is shown whole. */
    _scoreName(metricKey) {
        return metricKey.startsWith('$ld:ai:judge:') ? metricKey.substring('$ld:ai:judge:'.length) : metricKey;
    }

    _millis(value) {
        return value == null ? html`<span class="none">—</span>` : `${value} ms`;
    }
}
customElements.define('qwc-launchdarkly-ai', QwcLaunchdarklyAi);
