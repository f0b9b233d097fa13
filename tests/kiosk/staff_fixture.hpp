// Shared by the staff-mode tests: a kiosk test that drives the login pad like a finger and reads
// the staff actions queued in the outbox.
#pragma once

#include <nlohmann/json.hpp>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "kiosk_fixture.hpp"

namespace gongshi::kiosk::test {

constexpr const char* kAdminId = "1001";
constexpr const char* kAdminPin = "946119";  // the demo's (shared/demo_data.cpp, default seed)

class StaffModeTest : public KioskTest {
protected:
    void open_login() {
        run_ok("press " + app->models.community_name + " 2100\n");
        ASSERT_EQ(screen(), ScreenKind::staff_login);
    }
    // Types on the pad and taps 登录, then draws frames until the check is done (it runs on a
    // worker thread for about a second of real time).
    void try_login(const std::string& id, const std::string& pin) {
        run_ok("tap 工号\ntap clear\nkeys " + id + "\ntap 密码\ntap clear\nkeys " + pin + "\ntap 登录\n");
        const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(120);
        while (app->staff_mode.checking && std::chrono::steady_clock::now() < give_up) {
            ui->frame(std::nullopt);
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        ASSERT_FALSE(app->staff_mode.checking) << "the PIN check never finished";
        ui->frame(std::nullopt);
    }
    void log_in() {
        open_login();
        try_login(kAdminId, kAdminPin);
        ASSERT_TRUE(app->staff.has_value());
    }
    // The staff actions queued in the outbox, as "action:detail".
    std::vector<std::string> staff_actions() const {
        std::vector<std::string> out;
        for (const OutboxItem& item : app->outbox->list(OutboxState::pending)) {
            if (item.request.kind != "staff_action") continue;
            const auto body = nlohmann::json::parse(item.request.body);
            out.push_back(body.at("action").get<std::string>() + ":" + body.value("detail", ""));
        }
        return out;
    }
    std::optional<Str> login_message() const { return app->staff_mode.ui.login.message; }
};

}  // namespace gongshi::kiosk::test
