/**
 * Live queries (DESIGN.md §2, §6): {@link io.kalamdb.core.live.LiveQueryCompiler} turns subscription SQL
 * into a {@link io.kalamdb.core.live.LiveQuery} (a predicate and a projection compiled once);
 * {@link io.kalamdb.core.live.LiveQueryManager} keeps the subscriptions, reads their initial data from a
 * store snapshot and routes the {@link io.kalamdb.core.table.ChangeFeed}'s committed changes to them as
 * {@link io.kalamdb.core.live.LiveEvent}s, which the web layer sends through a
 * {@link io.kalamdb.core.live.LiveSink}. No WebSocket or JSON types here.
 */
package io.kalamdb.core.live;
