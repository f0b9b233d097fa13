// Pulling the change feed: the first sync, incremental syncs of every entity kind, 410 Gone,
// a resumed rebuild, and the no-change poll.
#include "sync_test_util.hpp"

namespace gongshi::test {
namespace {

using PullTest = ServerSuite;
// Moving the server's purge horizon affects every later sync: a suite (and server) of its own.
using GoneTest = ServerSuite;

// A visible edit of any entity, as staff would make on the server.
struct Edit {
    void operator()(Community& x) const { x.name += "（改）"; }
    void operator()(Grid& x) const { x.name += "（改）"; }
    void operator()(Unit& x) const { x.name += "（改）"; }
    void operator()(Member& x) const { x.name += "改"; }
    void operator()(StaffAccount& x) const { x.name += "改"; }
    void operator()(Post& x) const { x.places += 1; }
    void operator()(Claim& x) const { x.claimed_on.day = x.claimed_on.day == 1 ? 2 : 1; }
    void operator()(Pledge& x) const { x.items.push_back("新增承诺"); }
    void operator()(Activity& x) const { x.place += "（改）"; }
    void operator()(PointEvent& x) const { x.points += 1; }
    void operator()(Evaluation& x) const { x.score = 66.5; }
    void operator()(Wish& x) const { x.text += "（改）"; ++x.version; }
    void operator()(Notice& x) const { x.title += "（改）"; ++x.version; }
    void operator()(Reward& x) const { x.stock += 1; }
};

void sync_ok(sync::SyncSession& session, const char* what) {
    const auto report = session.run_cycle();
    const auto failure = report.failure();
    ASSERT_FALSE(failure) << what << ": " << failure->message;
}

TEST_F(PullTest, FirstSyncEqualsTheServer) {
    auto session = open_session(settings());
    const auto report = session->run_cycle();
    ASSERT_FALSE(report.failure()) << report.failure()->message;
    EXPECT_TRUE(report.pull.full_resync);
    EXPECT_TRUE(report.pull.committed);
    EXPECT_GE(report.pull.pages, 2);  // the community preset has thousands of changes, 500 a page
    EXPECT_EQ(state_diff(server_state(server()), cache_state(session->cache())), "");
    EXPECT_FALSE(session->cache().rebuild_cursor());
    EXPECT_TRUE(session->last_success_unix());
    EXPECT_EQ(integrity(settings().cache_path), "ok");
}

TEST_F(PullTest, IncrementalSyncAppliesUpsertsAndDeletesOfEveryKind) {
    auto session = open_session(settings());
    sync_ok(*session, "first sync");
    const State before = server_state(server());
    int changes = 0;
    for (const EntityKind kind : kAllEntityKinds) {
        const auto existing = entities_of(before, kind);
        ASSERT_FALSE(existing.empty()) << kind_name(kind);
        Entity edited = existing[0];
        std::visit(Edit{}, edited);
        put_entity(server(), edited);
        ++changes;
        if (kind == EntityKind::community) continue;  // one community per kiosk: edited, never added or removed
        Entity added = existing[0];
        std::visit([&](auto& x) { x.id = std::string("t-") + kind_name(kind); }, added);
        put_entity(server(), added);
        ++changes;
        ASSERT_GE(existing.size(), 2u) << kind_name(kind);
        delete_entity(server(), kind, id_of(existing[1]));
        ++changes;
    }

    const auto report = session->run_cycle();
    ASSERT_FALSE(report.failure()) << report.failure()->message;
    EXPECT_FALSE(report.pull.full_resync);
    EXPECT_EQ(report.pull.changes, changes);
    EXPECT_EQ(state_diff(server_state(server()), cache_state(session->cache())), "");
}

// Deletes whose tombstones the server no longer serves, then 410: the resync must leave none of
// those entities behind.
void expect_resync_without_stale_rows(sync::SyncSession& session, const ServerProcess& server,
                                      const std::function<void()>& expire_cursor) {
    const State before = server_state(server);
    const auto members = entities_of(before, EntityKind::member);
    const auto notices = entities_of(before, EntityKind::notice);
    delete_entity(server, EntityKind::member, id_of(members.back()));
    delete_entity(server, EntityKind::notice, id_of(notices.back()));
    expire_cursor();

    const auto report = session.run_cycle();
    ASSERT_FALSE(report.failure()) << report.failure()->message;
    EXPECT_TRUE(report.pull.full_resync);
    EXPECT_GE(report.pull.pages, 2) << "the resync should span several pages";
    const State after = cache_state(session.cache());
    EXPECT_FALSE(after.contains("member/" + id_of(members.back())));
    EXPECT_FALSE(after.contains("notice/" + id_of(notices.back())));
    EXPECT_EQ(state_diff(server_state(server), after), "");
}

TEST_F(GoneTest, LeadsToAFullResyncWithNoStaleRows) {
    auto session = open_session(settings());
    sync_ok(*session, "first sync");
    expect_resync_without_stale_rows(*session, server(), [] {
        add_fault(server(), {{"route", "changes"}, {"kind", "gone_410"}, {"count", 1}});
    });
}

// The way a production server expires cursors: it forgets old tombstones.
TEST_F(GoneTest, AfterThePurgeHorizonMovesAMultiPageResyncCompletes) {
    auto session = open_session(settings());
    sync_ok(*session, "first sync");
    expect_resync_without_stale_rows(*session, server(), [] { move_horizon(server()); });
}

TEST_F(PullTest, AnInterruptedResyncResumesAndReadersKeepTheOldDataMeanwhile) {
    auto session = open_session(settings());
    sync_ok(*session, "first sync");
    const State old_state = cache_state(session->cache());
    const auto notices = entities_of(old_state, EntityKind::notice);
    Entity edited = notices[0];
    std::visit(Edit{}, edited);
    put_entity(server(), edited);

    // What a crash after the first page of a resync leaves behind.
    Cache& cache = session->cache();
    ASSERT_TRUE(cache.begin_rebuild());
    auto cli = server().client();
    auto res = cli.Get(community_path("/changes?since=0&limit=500"), server().kiosk_headers());
    ASSERT_TRUE(res && res->status == 200);
    const auto first_page = decode_page(res->body).value();
    ASSERT_TRUE(first_page.more);
    ASSERT_TRUE(cache.apply_to_rebuild(first_page));
    EXPECT_EQ(state_diff(old_state, cache_state(cache)), "");  // readers still see the old data

    const auto report = session->run_cycle();
    ASSERT_FALSE(report.failure()) << report.failure()->message;
    EXPECT_TRUE(report.pull.full_resync);
    const auto total_pages = read_feed(cli, server().kiosk_headers(), "0", 500).pages;
    EXPECT_EQ(report.pull.pages, total_pages - 1);  // resumed after the first page, not from 0
    EXPECT_EQ(state_diff(server_state(server()), cache_state(cache)), "");
}

TEST_F(PullTest, AnUnchangedPollIsOneSmall304AndWakesNoReader) {
    auto session = open_session(settings());
    sync_ok(*session, "first sync");
    sync_ok(*session, "poll that learns the validator of the new cursor");
    auto reader = take(Cache::open_read_only(settings().cache_path));
    const auto version = reader.data_version();

    const auto report = session->run_cycle();
    ASSERT_FALSE(report.failure()) << report.failure()->message;
    EXPECT_TRUE(report.pull.not_modified);
    EXPECT_FALSE(report.pull.committed);
    EXPECT_LT(report.pull.bytes_received, 1024u);
    EXPECT_EQ(reader.data_version(), version);

    Entity edited = entities_of(server_state(server()), EntityKind::reward)[0];
    std::visit(Edit{}, edited);
    put_entity(server(), edited);
    const auto changed = session->run_cycle();
    EXPECT_FALSE(changed.pull.not_modified);
    EXPECT_EQ(changed.pull.changes, 1);
    EXPECT_NE(reader.data_version(), version);
}

}  // namespace
}  // namespace gongshi::test
