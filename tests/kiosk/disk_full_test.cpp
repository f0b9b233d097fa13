// Issue #8: the disk fills up while a resident submits a wish. outbox.db lives on a small tmpfs
// (mounted here; the test needs root and skips without it): the flow says the wish was not
// saved and keeps the form, the file stays intact with no row, and once space is freed the very
// same 提交 succeeds.
#include <sys/mount.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "gongshi/sqlite.hpp"
#include "kiosk_fixture.hpp"

namespace gongshi::kiosk::test {
namespace {

// A tmpfs of `size` on a fresh folder, unmounted and removed with the object (also when a test
// fails half-way: gtest assertions return, they do not skip destructors).
class SmallDisk {
public:
    explicit SmallDisk(const std::filesystem::path& path, const char* size) : path_(path) {
        std::filesystem::create_directories(path_);
        const std::string options = std::string("size=") + size;
        if (::mount("tmpfs", path_.c_str(), "tmpfs", MS_NOSUID | MS_NODEV, options.c_str()) == 0) mounted_ = true;
        else error_ = std::strerror(errno);
    }
    ~SmallDisk() {
        if (mounted_) ::umount2(path_.c_str(), MNT_DETACH);
    }
    SmallDisk(const SmallDisk&) = delete;
    SmallDisk& operator=(const SmallDisk&) = delete;
    bool mounted() const { return mounted_; }
    const std::string& error() const { return error_; }
    std::string file(const char* name) const { return (path_ / name).string(); }

    // Writes a filler file until the disk refuses another byte.
    void fill() {
        std::ofstream out(file("filler"), std::ios::binary);
        const std::string block(4096, 'x');
        while (out.write(block.data(), static_cast<std::streamsize>(block.size())) && out.flush()) {
        }
        // The last partial block: byte by byte until nothing fits.
        out.clear();
        while (out.put('x') && out.flush()) {
        }
    }
    void free_space() { std::filesystem::remove(file("filler")); }

private:
    std::filesystem::path path_;
    bool mounted_ = false;
    std::string error_;
};

std::string integrity(const std::string& path) {
    auto db = sql::Db::open(path, sql::Db::Mode::read_only);
    if (!db) return db.error();
    auto s = db->must_prepare("PRAGMA integrity_check");
    return s.step() ? s.text(0) : "no answer";
}

class DiskFullTest : public KioskTest {
protected:
    // The form, filled as the five steps would leave it, on the confirmation step.
    void fill_form() {
        WishForm& f = app->wish_screens.ui.form;
        f.category = "生活帮扶";
        f.text.field.insert("楼道灯坏了，请帮忙修一下");
        f.grid_id = app->wish_screens.models.flow.places.at(0).id;
        f.name.field.insert("王小明");
        f.phone_choice = PhoneChoice::given;
        f.phone.field.insert("13812341234");
        f.step = WishStep::confirm;
    }
};

TEST_F(DiskFullTest, AFullDiskRefusesCleanlyAndTheSameSubmissionWorksOnceSpaceIsFree) {
    SmallDisk disk(dir.path / "disk", "16m");
    if (!disk.mounted()) GTEST_SKIP() << "cannot mount a tmpfs here (" << disk.error() << "): needs root";
    KioskConfig config;
    config.cache_path = disk.file("cache.db");  // the outbox goes beside it, on the small disk
    write_demo_cache(config.cache_path);
    start(config);
    ASSERT_TRUE(app->outbox) << app->outbox_error;
    store_kiosk_code("AB");
    tap_ok(text(Str::tile_wishes));
    tap_ok(text(Str::wish_new));
    ASSERT_EQ(screen(), ScreenKind::wish_post);
    fill_form();
    ui->frame(std::nullopt);

    disk.fill();
    tap_ok(text(Str::wish_submit));
    const WishForm& form = app->wish_screens.ui.form;
    EXPECT_EQ(form.error, text(Str::wish_not_saved));
    EXPECT_EQ(form.step, WishStep::confirm) << "the form stays, nothing typed is lost";
    EXPECT_EQ(form.name.field.text, "王小明");
    EXPECT_FALSE(app->wish_screens.ui.receipt);
    EXPECT_EQ(app->outbox->counts().pending, 0);
    EXPECT_EQ(integrity(config.outbox_path()), "ok");

    disk.free_space();
    tap_ok(text(Str::wish_submit));
    ASSERT_TRUE(app->wish_screens.ui.receipt) << app->wish_screens.ui.form.error;
    EXPECT_EQ(app->outbox->counts().pending, 1);
    EXPECT_TRUE(app->outbox->holds_wish(app->wish_screens.ui.receipt->tracking_code));
    EXPECT_EQ(integrity(config.outbox_path()), "ok");
    ui.reset();  // close the files before the disk goes
    app.reset();
}

}  // namespace
}  // namespace gongshi::kiosk::test
