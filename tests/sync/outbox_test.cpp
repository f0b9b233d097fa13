// The outbox file: durability settings, delivery order, retries, dead letters and erasure.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "gongshi/outbox.hpp"
#include "sync_test_util.hpp"

namespace gongshi::test {
namespace {

OutboxRequest wish(const std::string& body) { return {"wish", "POST", "/api/v1/communities/c-demo/wishes", body}; }

std::string pragma(Outbox& outbox, const std::string& name) {
    auto s = outbox.db().must_prepare("PRAGMA " + name);
    return s.step() ? s.text(0) : "";
}

std::string file_bytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream all;
    all << in.rdbuf();
    return all.str();
}

TEST(Outbox, OpensDurableAndErasing) {
    TempDir dir;
    auto outbox = Outbox::open(dir / "outbox.db");
    ASSERT_TRUE(outbox) << outbox.error();
    EXPECT_EQ(pragma(outbox.value(), "journal_mode"), "wal");
    EXPECT_EQ(pragma(outbox.value(), "synchronous"), "2");  // FULL
    EXPECT_EQ(pragma(outbox.value(), "secure_delete"), "1");
}

TEST(Outbox, KeepsExactBytesAndAFreshKeyPerRow) {
    TempDir dir;
    auto outbox = take(Outbox::open(dir / "outbox.db"));
    const std::string body = std::string("{\"text\":\"楼道灯坏了\"}") + '\0' + "tail";
    const auto a = outbox.enqueue(wish(body), 100).value();
    const auto b = outbox.enqueue(wish("{}"), 101).value();
    EXPECT_EQ(outbox.find(a.id)->request.body, body);
    EXPECT_EQ(a.idempotency_key.size(), 32u);
    EXPECT_EQ(a.idempotency_key.find_first_not_of("0123456789abcdef"), std::string::npos);
    EXPECT_NE(a.idempotency_key, b.idempotency_key);
    EXPECT_EQ(outbox.oldest_pending()->id, a.id);
    EXPECT_EQ(outbox.counts().pending, 2);
}

TEST(Outbox, ListsOldestFirstUpToALimit) {
    TempDir dir;
    auto outbox = take(Outbox::open(dir / "outbox.db"));
    std::vector<std::int64_t> ids;
    for (int i = 0; i < 5; ++i) ids.push_back(outbox.enqueue(wish("{}"), 100 + i).value().id);
    std::vector<std::int64_t> listed;
    for (const OutboxItem& row : outbox.list(OutboxState::pending, 3)) listed.push_back(row.id);
    EXPECT_EQ(listed, std::vector<std::int64_t>(ids.begin(), ids.begin() + 3));
    EXPECT_EQ(outbox.list(OutboxState::pending).size(), 5u);  // no limit: every row
    EXPECT_TRUE(outbox.list(OutboxState::dead, 3).empty());
}

TEST(Outbox, RetryKeepsTheRowAndItsKey) {
    TempDir dir;
    auto outbox = take(Outbox::open(dir / "outbox.db"));
    const auto row = outbox.enqueue(wish("{}"), 100).value();
    ASSERT_TRUE(outbox.record_retry(row.id, 503, "HTTP 503", 160));
    const auto after = outbox.find(row.id).value();
    EXPECT_EQ(after.attempts, 1);
    EXPECT_EQ(after.last_status, 503);
    EXPECT_EQ(after.next_attempt_at, 160);
    EXPECT_EQ(after.idempotency_key, row.idempotency_key);
    EXPECT_EQ(after.state, OutboxState::pending);
}

TEST(Outbox, DeadLettersWaitForStaff) {
    TempDir dir;
    auto outbox = take(Outbox::open(dir / "outbox.db"));
    const auto row = outbox.enqueue(wish("{}"), 100).value();
    const auto next = outbox.enqueue(wish("{\"n\":2}"), 100).value();
    ASSERT_TRUE(outbox.mark_dead(row.id, 400, "HTTP 400 invalid_field: category"));
    EXPECT_EQ(outbox.oldest_pending()->id, next.id);  // a dead letter does not block the queue
    EXPECT_EQ(outbox.counts().dead, 1);
    EXPECT_EQ(outbox.list(OutboxState::dead).at(0).last_error, "HTTP 400 invalid_field: category");

    ASSERT_TRUE(outbox.retry_dead(row.id, 200));
    const auto retried = outbox.find(row.id).value();
    EXPECT_EQ(retried.state, OutboxState::pending);
    EXPECT_NE(retried.idempotency_key, row.idempotency_key);  // the old key would only replay the refusal
    EXPECT_FALSE(outbox.discard_dead(row.id));                // only dead letters can be discarded
    ASSERT_TRUE(outbox.mark_dead(row.id, 400, "again"));
    ASSERT_TRUE(outbox.discard_dead(row.id));
    EXPECT_FALSE(outbox.find(row.id));
}

TEST(Outbox, AcknowledgedRowsLeaveNoPersonalDataBehind) {
    TempDir dir;
    const auto path = dir / "outbox.db";
    auto outbox = take(Outbox::open(path));
    const std::string marker = "13899990000-PERSONAL-MARKER";
    const auto row = outbox.enqueue(wish("{\"phone\":\"" + marker + "\"}"), 100).value();
    ASSERT_TRUE(outbox.acknowledge(row.id, 201, 120));
    EXPECT_FALSE(outbox.find(row.id));
    const auto receipts = outbox.receipts();
    ASSERT_EQ(receipts.size(), 1u);
    EXPECT_EQ(receipts[0].idempotency_key, row.idempotency_key);
    EXPECT_EQ(receipts[0].status, 201);
    EXPECT_EQ(file_bytes(path).find(marker), std::string::npos);
    EXPECT_EQ(file_bytes(path + "-wal").find(marker), std::string::npos);
}

TEST(Outbox, KeepsTheKioskCodeAcrossReopens) {
    TempDir dir;
    {
        auto outbox = take(Outbox::open(dir / "outbox.db"));
        EXPECT_FALSE(outbox.kiosk_code());
        EXPECT_FALSE(outbox.set_kiosk_code("a0"));  // lower case and 0 are not in the alphabet
        ASSERT_TRUE(outbox.set_kiosk_code("AA"));
        ASSERT_TRUE(outbox.set_kiosk_code("AB"));  // the server may reassign it
    }
    auto reopened = take(Outbox::open(dir / "outbox.db"));
    EXPECT_EQ(reopened.kiosk_code(), std::optional<std::string>("AB"));
}

TEST(Outbox, UpgradesAVersionOneFileInPlace) {
    TempDir dir;
    {
        auto outbox = take(Outbox::open(dir / "outbox.db"));
        ASSERT_TRUE(outbox.enqueue(wish("{}"), 100));
        ASSERT_TRUE(outbox.db().exec("DROP TABLE identity; PRAGMA user_version = 1;"));
    }
    auto upgraded = take(Outbox::open(dir / "outbox.db"));
    EXPECT_EQ(upgraded.counts().pending, 1);  // nothing queued is lost by the upgrade
    EXPECT_TRUE(upgraded.set_kiosk_code("AA"));
}

TEST(Outbox, TwoConnectionsShareTheFile) {
    TempDir dir;
    auto ui = take(Outbox::open(dir / "outbox.db"));
    auto sync = take(Outbox::open(dir / "outbox.db"));
    const auto row = ui.enqueue(wish("{}"), 100).value();
    EXPECT_EQ(sync.oldest_pending()->idempotency_key, row.idempotency_key);
    ASSERT_TRUE(sync.acknowledge(row.id, 201, 101));
    EXPECT_EQ(ui.counts().pending, 0);
}

}  // namespace
}  // namespace gongshi::test
