// The server's own SQLite file: every table, behind one lock. Handlers work in units of work
// — Store::read for queries, Store::write for one IMMEDIATE transaction that commits when the
// function returns and rolls back when it throws — so a request's effects (and the response
// recorded for its Idempotency-Key) are committed together or not at all.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <type_traits>

#include "entity_table.hpp"
#include "gongshi/codec.hpp"
#include "gongshi/result.hpp"
#include "gongshi/sqlite.hpp"
#include "idempotency_table.hpp"
#include "kiosk_table.hpp"
#include "side_tables.hpp"

namespace gongshi::server {

// The tables, usable only inside Store::read / Store::write.
class Session {
public:
    explicit Session(const sql::Db& db);

    EntityTable entities;
    KioskTable kiosks;
    IdempotencyTable idempotency;
    WishCodeTable wish_codes;
    WishContactTable wish_contacts;
    StaffActionTable staff_actions;
    DemoPinTable demo_pins;
    MediaTable media;

    // Publishes entities of community `cid` as the next changes of the feed (in order) and
    // returns the seq of the last one.
    std::int64_t publish(const std::string& cid, std::span<const Entity> entities);
    std::int64_t publish(const std::string& cid, const Entity& entity) { return publish(cid, std::span(&entity, 1)); }
    // Replaces the entity by a tombstone; empty when there was no such entity.
    std::optional<std::int64_t> unpublish(const std::string& cid, EntityKind kind, const std::string& id);

    template <class T>
    std::optional<T> load(const std::string& cid, const std::string& id) {
        auto data = entities.get(cid, kind_name(kind_of_type<T>()), id);
        if (!data) return std::nullopt;
        auto decoded = decode_as<T>(nlohmann::json::parse(*data, nullptr, false));
        if (!decoded) return std::nullopt;
        return std::move(decoded.value());
    }
};

class Store {
public:
    static Result<std::unique_ptr<Store>> open(const std::filesystem::path& file);

    template <class F>
    auto read(F&& f) {
        std::lock_guard lock(mutex_);
        return f(*session_);
    }

    template <class F>
    auto write(F&& f) {
        std::lock_guard lock(mutex_);
        sql::Transaction tx(db_);
        if (!tx.began()) throw std::runtime_error("sqlite: cannot begin: " + db_.error());
        if constexpr (std::is_void_v<decltype(f(*session_))>) {
            f(*session_);
            commit(tx);
        } else {
            auto result = f(*session_);
            commit(tx);
            return result;
        }
    }

    // Folds the write-ahead log into the database file and truncates it (after bulk loads).
    void checkpoint();

private:
    Store() = default;
    static void commit(sql::Transaction& tx);

    std::mutex mutex_;
    sql::Db db_;
    std::unique_ptr<Session> session_;
};

}  // namespace gongshi::server
