#include "side_tables.hpp"

#include "statement.hpp"

namespace gongshi::server {

WishCodeTable::WishCodeTable(const sql::Db& db)
    : db_(db),
      find_(prepared(db, "SELECT community_id, wish_id FROM wish_codes WHERE code = ?1")),
      add_(prepared(db, "INSERT OR IGNORE INTO wish_codes(code, community_id, wish_id) VALUES(?1, ?2, ?3)")) {}

std::optional<WishRef> WishCodeTable::find(const std::string& code) {
    ResetOnExit reset(find_);
    find_.bind(1, code);
    if (!find_.step()) return std::nullopt;
    return WishRef{find_.text(0), find_.text(1)};
}

void WishCodeTable::add(const std::string& code, const WishRef& wish) {
    add_.bind(1, code).bind(2, wish.community_id).bind(3, wish.wish_id);
    check_run(add_, db_);
}

WishContactTable::WishContactTable(const sql::Db& db)
    : db_(db),
      put_(prepared(db,
                    "INSERT OR REPLACE INTO wish_contacts(community_id, wish_id, name, phone, kiosk_id) "
                    "VALUES(?1, ?2, ?3, ?4, ?5)")),
      get_(prepared(db, "SELECT name, phone FROM wish_contacts WHERE community_id = ?1 AND wish_id = ?2")) {}

void WishContactTable::put(const WishRef& wish, const WishContact& contact, const std::string& kiosk_id) {
    put_.bind(1, wish.community_id).bind(2, wish.wish_id).bind(3, contact.name).bind(4, contact.phone).bind(5, kiosk_id);
    check_run(put_, db_);
}

std::optional<WishContact> WishContactTable::get(const WishRef& wish) {
    ResetOnExit reset(get_);
    get_.bind(1, wish.community_id).bind(2, wish.wish_id);
    if (!get_.step()) return std::nullopt;
    return WishContact{get_.text(0), get_.text(1)};
}

StaffActionTable::StaffActionTable(const sql::Db& db)
    : db_(db),
      add_(prepared(db,
                    "INSERT INTO staff_actions(community_id, kiosk_id, staff_id, action, target_kind, target_id, "
                    "detail, at, recorded_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")) {}

std::int64_t StaffActionTable::add(const StaffAction& a) {
    add_.bind(1, a.community_id).bind(2, a.kiosk_id).bind(3, a.staff_id).bind(4, a.action).bind(5, a.target_kind);
    add_.bind(6, a.target_id).bind(7, a.detail).bind(8, a.at).bind(9, a.recorded_at);
    check_run(add_, db_);
    return db_.last_insert_rowid();
}

DemoPinTable::DemoPinTable(const sql::Db& db)
    : db_(db),
      add_(prepared(db, "INSERT OR REPLACE INTO demo_pins(community_id, staff_id, pin) VALUES(?1, ?2, ?3)")),
      all_(prepared(db, "SELECT community_id, staff_id, pin FROM demo_pins ORDER BY community_id, staff_id")) {}

void DemoPinTable::add(const DemoPin& pin) {
    add_.bind(1, pin.community_id).bind(2, pin.staff_id).bind(3, pin.pin);
    check_run(add_, db_);
}

std::vector<DemoPin> DemoPinTable::all() {
    ResetOnExit reset(all_);
    std::vector<DemoPin> out;
    while (all_.step()) out.push_back({all_.text(0), all_.text(1), all_.text(2)});
    return out;
}

MediaTable::MediaTable(const sql::Db& db)
    : db_(db),
      put_(prepared(db, "INSERT OR IGNORE INTO media(sha256, content_type, bytes) VALUES(?1, ?2, ?3)")),
      get_(prepared(db, "SELECT content_type, bytes FROM media WHERE sha256 = ?1")),
      has_(prepared(db, "SELECT 1 FROM media WHERE sha256 = ?1")) {}

void MediaTable::put(const std::string& sha256, const MediaFile& file) {
    put_.bind(1, sha256).bind(2, file.content_type).bind_blob(3, file.bytes);
    check_run(put_, db_);
}

std::optional<MediaFile> MediaTable::get(const std::string& sha256) {
    ResetOnExit reset(get_);
    get_.bind(1, sha256);
    if (!get_.step()) return std::nullopt;
    const auto* blob = static_cast<const char*>(sqlite3_column_blob(get_.get(), 1));
    const auto size = static_cast<std::size_t>(sqlite3_column_bytes(get_.get(), 1));
    return MediaFile{get_.text(0), std::string(blob ? blob : "", size)};
}

bool MediaTable::has(const std::string& sha256) {
    ResetOnExit reset(has_);
    has_.bind(1, sha256);
    return has_.step();
}

}  // namespace gongshi::server
