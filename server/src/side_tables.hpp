// Records kept beside the change feed: they never appear in it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "gongshi/sqlite.hpp"

namespace gongshi::server {

struct WishRef {
    std::string community_id;
    std::string wish_id;
};

// Tracking code -> wish, for every wish in every community. A code stays taken after its
// wish is deleted, so a code printed on a slip never comes to mean someone else's wish.
class WishCodeTable {
public:
    explicit WishCodeTable(const sql::Db& db);
    std::optional<WishRef> find(const std::string& code);
    void add(const std::string& code, const WishRef& wish);

private:
    const sql::Db& db_;
    sql::Stmt find_, add_;
};

// What a resident typed about themselves: kept for the community office, never published.
struct WishContact {
    std::string name;
    std::string phone;
};

class WishContactTable {
public:
    explicit WishContactTable(const sql::Db& db);
    void put(const WishRef& wish, const WishContact& contact, const std::string& kiosk_id);
    std::optional<WishContact> get(const WishRef& wish);

private:
    const sql::Db& db_;
    sql::Stmt put_, get_;
};

struct StaffAction {
    std::string community_id;
    std::string kiosk_id;
    std::string staff_id;
    std::string action;
    std::string target_kind;
    std::string target_id;
    std::string detail;
    std::string at;           // when the staff member acted (kiosk clock)
    std::string recorded_at;  // when the server stored it
};

// The audit log of staff actions taken on kiosks.
class StaffActionTable {
public:
    explicit StaffActionTable(const sql::Db& db);
    std::int64_t add(const StaffAction& action);

private:
    const sql::Db& db_;
    sql::Stmt add_;
};

// Plain demo PINs, kept only so every start of a demo server can print them again.
struct DemoPin {
    std::string community_id;
    std::string staff_id;
    std::string pin;
};

class DemoPinTable {
public:
    explicit DemoPinTable(const sql::Db& db);
    void add(const DemoPin& pin);
    std::vector<DemoPin> all();

private:
    const sql::Db& db_;
    sql::Stmt add_, all_;
};

struct MediaFile {
    std::string content_type;
    std::string bytes;
};

// Content-addressed images: the key is the sha256 of the bytes.
class MediaTable {
public:
    explicit MediaTable(const sql::Db& db);
    void put(const std::string& sha256, const MediaFile& file);
    std::optional<MediaFile> get(const std::string& sha256);
    bool has(const std::string& sha256);

private:
    const sql::Db& db_;
    sql::Stmt put_, get_, has_;
};

}  // namespace gongshi::server
