#include "entity_table.hpp"

#include <algorithm>

#include "statement.hpp"

namespace gongshi::server {

EntityTable::EntityTable(const sql::Db& db)
    : db_(db),
      reserve_(prepared(db, "UPDATE meta SET value = value + ?1 WHERE key = 'seq' RETURNING value - ?1 + 1")),
      read_meta_(prepared(db, "SELECT value FROM meta WHERE key = ?1")),
      write_meta_(prepared(db, "UPDATE meta SET value = ?2 WHERE key = ?1")),
      upsert_(prepared(db,
                       "INSERT INTO entities(seq, community_id, kind, id, data) VALUES(?1, ?2, ?3, ?4, ?5) "
                       "ON CONFLICT(community_id, kind, id) DO UPDATE SET seq = excluded.seq, data = excluded.data")),
      drop_tombstone_(prepared(db, "DELETE FROM tombstones WHERE community_id = ?1 AND kind = ?2 AND id = ?3")),
      delete_(prepared(db, "DELETE FROM entities WHERE community_id = ?1 AND kind = ?2 AND id = ?3")),
      add_tombstone_(prepared(db, "INSERT OR REPLACE INTO tombstones(seq, community_id, kind, id) VALUES(?1, ?2, ?3, ?4)")),
      get_(prepared(db, "SELECT data FROM entities WHERE community_id = ?1 AND kind = ?2 AND id = ?3")),
      rows_since_(prepared(db,
                           "SELECT seq, kind, id, data FROM entities WHERE community_id = ?1 AND seq > ?2 "
                           "ORDER BY seq LIMIT ?3")),
      tombstones_since_(prepared(db,
                                 "SELECT seq, kind, id FROM tombstones WHERE community_id = ?1 AND seq > ?2 "
                                 "ORDER BY seq LIMIT ?3")),
      entity_head_(prepared(db, "SELECT coalesce(max(seq), 0) FROM entities WHERE community_id = ?1")),
      tombstone_head_(prepared(db, "SELECT coalesce(max(seq), 0) FROM tombstones WHERE community_id = ?1")),
      purge_(prepared(db, "DELETE FROM tombstones WHERE seq <= ?1")),
      communities_(prepared(db, "SELECT id FROM entities WHERE kind = 'community' ORDER BY seq")) {}

std::int64_t EntityTable::reserve_seqs(std::int64_t count) {
    ResetOnExit reset(reserve_);
    reserve_.bind(1, count);
    if (!reserve_.step()) throw std::runtime_error("sqlite: cannot reserve seq: " + db_.error());
    return reserve_.int64(0);
}

std::int64_t EntityTable::meta(const char* key) {
    ResetOnExit reset(read_meta_);
    read_meta_.bind(1, key);
    return read_meta_.step() ? read_meta_.int64(0) : 0;
}

std::int64_t EntityTable::last_seq() { return meta("seq"); }
std::int64_t EntityTable::horizon() { return meta("horizon"); }

void EntityTable::put(const std::string& cid, std::string_view kind, const std::string& id, std::string_view data,
                      std::int64_t seq) {
    drop_tombstone_.bind(1, cid).bind(2, kind).bind(3, id);
    check_run(drop_tombstone_, db_);
    upsert_.bind(1, seq).bind(2, cid).bind(3, kind).bind(4, id).bind(5, data);
    check_run(upsert_, db_);
}

void EntityTable::remove(const std::string& cid, std::string_view kind, const std::string& id, std::int64_t seq) {
    delete_.bind(1, cid).bind(2, kind).bind(3, id);
    check_run(delete_, db_);
    add_tombstone_.bind(1, seq).bind(2, cid).bind(3, kind).bind(4, id);
    check_run(add_tombstone_, db_);
}

std::optional<std::string> EntityTable::get(const std::string& cid, std::string_view kind, const std::string& id) {
    ResetOnExit reset(get_);
    get_.bind(1, cid).bind(2, kind).bind(3, id);
    if (!get_.step()) return std::nullopt;
    return get_.text(0);
}

std::vector<FeedRow> EntityTable::read_rows(sql::Stmt& stmt, const std::string& cid, std::int64_t since, int limit,
                                            bool with_data) {
    ResetOnExit reset(stmt);
    stmt.bind(1, cid).bind(2, since).bind(3, limit);
    std::vector<FeedRow> rows;
    while (stmt.step()) {
        FeedRow row{stmt.int64(0), stmt.text(1), stmt.text(2), std::nullopt};
        if (with_data) row.data = stmt.text(3);
        rows.push_back(std::move(row));
    }
    return rows;
}

// Two index range scans merged here, rather than one UNION ... ORDER BY, which would sort
// every remaining row of the community for each page of a full sync.
FeedSlice EntityTable::since(const std::string& cid, std::int64_t since, int limit) {
    auto upserts = read_rows(rows_since_, cid, since, limit + 1, true);
    auto deletes = read_rows(tombstones_since_, cid, since, limit + 1, false);
    FeedSlice slice;
    slice.rows.reserve(upserts.size() + deletes.size());
    std::merge(std::make_move_iterator(upserts.begin()), std::make_move_iterator(upserts.end()),
               std::make_move_iterator(deletes.begin()), std::make_move_iterator(deletes.end()),
               std::back_inserter(slice.rows), [](const FeedRow& a, const FeedRow& b) { return a.seq < b.seq; });
    slice.more = slice.rows.size() > static_cast<std::size_t>(limit);
    if (slice.more) slice.rows.resize(static_cast<std::size_t>(limit));
    return slice;
}

std::int64_t EntityTable::head(const std::string& cid) {
    auto max_of = [&](sql::Stmt& stmt) {
        ResetOnExit reset(stmt);
        stmt.bind(1, cid);
        return stmt.step() ? stmt.int64(0) : 0;
    };
    return std::max(max_of(entity_head_), max_of(tombstone_head_));
}

std::int64_t EntityTable::move_horizon(std::int64_t to) {
    const std::int64_t target = std::max(horizon(), std::min(to, last_seq()));
    purge_.bind(1, target);
    check_run(purge_, db_);
    write_meta_.bind(1, "horizon").bind(2, target);
    check_run(write_meta_, db_);
    return target;
}

std::vector<std::string> EntityTable::community_ids() {
    ResetOnExit reset(communities_);
    std::vector<std::string> ids;
    while (communities_.step()) ids.push_back(communities_.text(0));
    return ids;
}

}  // namespace gongshi::server
