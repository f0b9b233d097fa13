// The published entities of every community and the change feed over them.
//
// Every write takes the next number of one server-wide sequence (`seq`): an upsert moves the
// row to its new seq, a delete replaces the row by a tombstone with its new seq. So
// "changes since X" is simply every row and tombstone with seq > X, in seq order — naturally
// compacted, since an entity edited ten times appears once. Tombstones at or below the purge
// horizon are forgotten; a cursor older than the horizon can no longer be served (410).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gongshi/sqlite.hpp"

namespace gongshi::server {

struct FeedRow {
    std::int64_t seq = 0;
    std::string kind;
    std::string id;
    std::optional<std::string> data;  // the entity's JSON; empty for a delete
};

struct FeedSlice {
    std::vector<FeedRow> rows;  // ordered by seq
    bool more = false;          // rows beyond this slice exist
};

class EntityTable {
public:
    explicit EntityTable(const sql::Db& db);

    // Reserves `count` consecutive sequence numbers and returns the first.
    std::int64_t reserve_seqs(std::int64_t count);
    std::int64_t last_seq();

    void put(const std::string& cid, std::string_view kind, const std::string& id, std::string_view data,
             std::int64_t seq);
    // Replaces the entity (which must exist) by a tombstone.
    void remove(const std::string& cid, std::string_view kind, const std::string& id, std::int64_t seq);
    std::optional<std::string> get(const std::string& cid, std::string_view kind, const std::string& id);

    FeedSlice since(const std::string& cid, std::int64_t since, int limit);
    std::int64_t head(const std::string& cid);  // seq of the community's latest change; 0 when none

    std::int64_t horizon();
    // Purges tombstones up to `to` (capped at the last seq); the horizon never moves back.
    std::int64_t move_horizon(std::int64_t to);

    std::vector<std::string> community_ids();

private:
    std::vector<FeedRow> read_rows(sql::Stmt& stmt, const std::string& cid, std::int64_t since, int limit,
                                   bool with_data);
    std::int64_t meta(const char* key);

    const sql::Db& db_;
    sql::Stmt reserve_, read_meta_, write_meta_;
    sql::Stmt upsert_, drop_tombstone_, delete_, add_tombstone_, get_;
    sql::Stmt rows_since_, tombstones_since_, entity_head_, tombstone_head_, purge_, communities_;
};

}  // namespace gongshi::server
