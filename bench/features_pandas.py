"""Peer implementation of the default feature spec in pandas, for bench/features.ts.

    /usr/bin/python3 bench/features_pandas.py CSV_DIR CUTOFFS_MS_COMMA_SEPARATED HORIZON_DAYS [OUT.csv]

Written the way a pandas user would: per cutoff, filter each table to its window and group by
customer. Same definitions as src/features/default-spec.ts (windows [T - days, T), counts 0 when
empty, days-since capped at 730, NPS filled with 7, quintile scores by rank within the cutoff).
Prints one JSON line: load and compute seconds, CPU seconds, rows, peak RSS (MB).
"""
import json
import resource
import sys
import time

import numpy as np
import pandas as pd

DAY = 86_400_000
WEEK = 7 * DAY
CAP = 730


def ms(series):
    return pd.to_datetime(series, utc=True, infer_datetime_format=True).astype('int64').where(series.notna()) // 1 / 1e6


def load(d):
    def read(name, dates):
        df = pd.read_csv(f'{d}/{name}.csv', dtype={'customer_id': str})
        for c in dates:
            df[c] = ms(df[c])
        return df

    return {
        'customers': read('customers', ['signup_date', 'churn_date']),
        'transactions': read('transactions', ['timestamp']),
        'events': read('events', ['timestamp']),
        'tickets': read('tickets', ['opened_at', 'closed_at']),
        'surveys': read('surveys', ['timestamp']),
        'subscriptions': read('subscriptions', ['start_date', 'end_date']),
    }


def window(df, col, t, days, offset=0):
    end = t - offset * DAY
    m = df[col] < end
    if days is not None:
        m &= df[col] >= end - days * DAY
    return df[m]


def quintile(s, higher_is_better):
    key = s.round(6) if higher_is_better else -s.round(6)
    worse = key.rank(method='min') - 1
    return 1 + np.floor(5 * worse / len(s))


def snapshot(tb, t, horizon):
    c = tb['customers']
    pop = c[(c.signup_date < t) & ~(c.churn_date < t)].set_index('customer_id')
    f = pd.DataFrame(index=pop.index)
    f['label'] = ((pop.churn_date >= t) & (pop.churn_date < t + horizon * DAY)).astype(float)
    f['tenure_days'] = np.floor((t - pop.signup_date) / DAY)
    f['plan'] = pop.plan.fillna('unknown')

    tx = window(tb['transactions'], 'timestamp', t, None)
    g = tx.groupby('customer_id')
    last = g.timestamp.max()
    f['days_since_last_purchase'] = np.minimum(CAP, np.floor((t - last) / DAY)).reindex(f.index).fillna(CAP)
    f['days_since_last_purchase_missing'] = (~f.index.isin(last.index)).astype(float)
    for w in (30, 90, 365):
        sub = tx[tx.timestamp >= t - w * DAY].groupby('customer_id').amount
        f[f'purchases_{w}d'] = sub.size().reindex(f.index).fillna(0)
        f[f'amount_{w}d'] = sub.sum().reindex(f.index).fillna(0)
    f['mean_order_value'] = g.amount.mean().reindex(f.index).fillna(0)

    ev_all = window(tb['events'], 'timestamp', t, None)
    ev = ev_all[ev_all.timestamp >= t - 90 * DAY].copy()
    ev['day'] = np.floor(ev.timestamp / DAY)
    for w in (7, 30, 90):
        sub = ev[ev.timestamp >= t - w * DAY].groupby('customer_id')
        f[f'events_{w}d'] = sub.size().reindex(f.index).fillna(0)
        f[f'active_days_{w}d'] = sub.day.nunique().reindex(f.index).fillna(0)
    f['event_types_90d'] = ev.groupby('customer_id').event_type.nunique().reindex(f.index).fillna(0)
    prev = window(ev, 'timestamp', t, 30, 30)
    f['events_prev_30d'] = prev.groupby('customer_id').size().reindex(f.index).fillna(0)
    e84 = ev[ev.timestamp >= t - 84 * DAY]
    contrib = (np.floor((e84.timestamp - (t - 84 * DAY)) / WEEK) - 5.5) / 143
    f['events_weekly_slope_12w'] = contrib.groupby(e84.customer_id).sum().reindex(f.index).fillna(0)
    last_ev = ev_all.groupby('customer_id').timestamp.max()
    f['days_since_last_event'] = np.minimum(CAP, np.floor((t - last_ev) / DAY)).reindex(f.index).fillna(CAP)
    f['days_since_last_event_missing'] = (~f.index.isin(last_ev.index)).astype(float)
    logins = ev_all[ev_all.event_type == 'login']
    last_login = logins.groupby('customer_id').timestamp.max()
    f['days_since_last_login'] = np.minimum(CAP, np.floor((t - last_login) / DAY)).reindex(f.index).fillna(CAP)
    f['logins_30d'] = logins[logins.timestamp >= t - 30 * DAY].groupby('customer_id').size().reindex(f.index).fillna(0)

    tk = window(tb['tickets'], 'opened_at', t, None)
    for w in (30, 90):
        f[f'tickets_{w}d'] = tk[tk.opened_at >= t - w * DAY].groupby('customer_id').size().reindex(f.index).fillna(0)
    t90 = tk[tk.opened_at >= t - 90 * DAY]
    f['urgent_tickets_90d'] = t90[t90.priority.isin(['high', 'urgent'])].groupby('customer_id').size().reindex(f.index).fillna(0)
    f['open_tickets'] = tk[tk.closed_at.isna() | (tk.closed_at >= t)].groupby('customer_id').size().reindex(f.index).fillna(0)
    closed = tk[(tk.opened_at >= t - 365 * DAY) & (tk.closed_at < t)]
    f['mean_resolution_days_365d'] = ((closed.closed_at - closed.opened_at) / DAY).groupby(closed.customer_id).mean().reindex(f.index).fillna(0)
    csat = closed.csat.groupby(closed.customer_id).mean().reindex(f.index)
    f['mean_csat_365d'] = csat.fillna(3)
    f['mean_csat_365d_missing'] = csat.isna().astype(float)

    sv = window(tb['surveys'], 'timestamp', t, None).sort_values(['customer_id', 'timestamp', 'nps'])
    gs = sv.groupby('customer_id')
    last_nps = gs.nps.nth(-1)
    prev_nps = gs.nps.nth(-2)
    f['last_nps'] = last_nps.reindex(f.index).fillna(7)
    f['last_nps_missing'] = (~f.index.isin(last_nps.index)).astype(float)
    f['mean_nps_180d'] = sv[sv.timestamp >= t - 180 * DAY].groupby('customer_id').nps.mean().reindex(f.index).fillna(7)
    f['nps_change'] = (last_nps - prev_nps).reindex(f.index).fillna(0)
    f['days_since_last_survey'] = np.minimum(CAP, np.floor((t - gs.timestamp.max()) / DAY)).reindex(f.index).fillna(CAP)

    sb = tb['subscriptions']

    def running(at):
        s = sb[(sb.start_date < at) & (sb.end_date.isna() | (sb.end_date >= at))]
        return s.sort_values(['customer_id', 'start_date', 'mrr']).groupby('customer_id').nth(-1)

    now, before = running(t), running(t - 90 * DAY)
    f['current_mrr'] = now.mrr.reindex(f.index).fillna(0)
    f['mrr_90d_ago'] = before.mrr.reindex(f.index).fillna(0)
    f['days_to_renewal'] = (365 - np.floor((t - now.start_date) / DAY) % 365).reindex(f.index).fillna(365)

    f['events_trend_30d'] = (f.events_30d + 1) / (f.events_prev_30d + 1)
    f['urgent_ticket_share_90d'] = np.where(f.tickets_90d == 0, 0, f.urgent_tickets_90d / f.tickets_90d.where(f.tickets_90d != 0, 1))
    f['promoter'] = ((f.last_nps_missing == 0) & (f.last_nps >= 9)).astype(float)
    f['detractor'] = ((f.last_nps_missing == 0) & (f.last_nps <= 6)).astype(float)
    f['mrr_change_90d'] = f.current_mrr - f.mrr_90d_ago
    f['r_score'] = quintile(f.days_since_last_purchase, False)
    f['f_score'] = quintile(f.purchases_365d, True)
    f['m_score'] = quintile(f.amount_365d, True)
    f['rfm_score'] = f.r_score + f.f_score + f.m_score
    r, fr = f.r_score, f.f_score
    f['rfm_segment'] = np.select(
        [(r >= 4) & (fr >= 4), (r >= 3) & (fr >= 3), fr >= 3, r >= 3], ['champions', 'loyal', 'at_risk', 'promising'], 'hibernating'
    )
    f.insert(0, 'cutoff', float(t))
    return f.reset_index()


def main():
    d, cutoffs, horizon = sys.argv[1], [float(x) for x in sys.argv[2].split(',')], int(sys.argv[3])
    start, cpu0 = time.perf_counter(), time.process_time()
    tb = load(d)
    loaded = time.perf_counter()
    out = pd.concat([snapshot(tb, t, horizon) for t in sorted(cutoffs)], ignore_index=True)
    done = time.perf_counter()
    if len(sys.argv) > 4:
        out.sort_values(['cutoff', 'customer_id']).to_csv(sys.argv[4], index=False)
    print(json.dumps({
        'engine': 'pandas',
        'load': loaded - start,
        'compute': done - loaded,
        'cpu': time.process_time() - cpu0,
        'rows': int(len(out)),
        'maxRssMb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }))


if __name__ == '__main__':
    main()
