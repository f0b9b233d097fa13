// The UI's read-only cache connection: it waits for a usable file, and retries one that would not
// open even when the file's own mtime never moves (WAL mode writes the -wal file, not the db).
#include <gtest/gtest.h>

#include <thread>

#include "../../shared/src/cache_schema.hpp"
#include "kiosk_fixture.hpp"
#include "view_models.hpp"

namespace gongshi::kiosk::test {
namespace {

TEST(KioskCacheReader, WaitsForTheFileToExist) {
    ScratchDir dir;
    CacheReader reader(dir.file("cache.db"));
    EXPECT_FALSE(reader.poll());
    EXPECT_EQ(reader.cache(), nullptr);
    auto writer = Cache::open_read_write(dir.file("cache.db"));
    ASSERT_TRUE(writer);
    EXPECT_TRUE(reader.poll());
    EXPECT_NE(reader.cache(), nullptr);
}

TEST(KioskCacheReader, RetriesAFileCaughtBetweenMigrationSteps) {
    ScratchDir dir;
    const std::string path = dir.file("cache.db");
    auto db = sql::Db::open(path, sql::Db::Mode::read_write_create);
    ASSERT_TRUE(db->exec("PRAGMA journal_mode = WAL"));
    ASSERT_TRUE(cache_schema::migrate(db.value(), 1));
    ASSERT_TRUE(db->exec("PRAGMA wal_checkpoint(TRUNCATE)"));
    CacheReader reader(path);
    EXPECT_FALSE(reader.poll()) << "version 1 is not what this build reads";
    const auto mtime = std::filesystem::last_write_time(path);
    ASSERT_TRUE(cache_schema::migrate(db.value(), Cache::kSchemaVersion));  // into the WAL only
    ASSERT_EQ(std::filesystem::last_write_time(path), mtime);
    EXPECT_FALSE(reader.poll()) << "not retried at once";
    std::this_thread::sleep_for(kCacheReopenInterval + std::chrono::milliseconds(100));
    EXPECT_TRUE(reader.poll()) << "retried later although the file's mtime did not move";
    EXPECT_NE(reader.cache(), nullptr);
}

}  // namespace
}  // namespace gongshi::kiosk::test
