// Scripted sessions: one step per line, replayed through the same input path as a finger.
//   tap LABEL [N]       the Nth visible target labelled LABEL (default the first)
//   tap-at X Y          a tap at a point
//   drag X1 Y1 X2 Y2 MS a drag over MS milliseconds
//   keys LETTERS        presses on-screen keys (ASCII letters, digits, space)
//   candidate N         picks the Nth visible input-method candidate
//   wait MS             lets MS milliseconds pass, drawing frames
//   idle SECONDS        jumps the kiosk's clock forward (no sleeping)
//   screenshot NAME     writes NAME.png
//   expect LABEL        fails unless LABEL is visible
// Blank lines and lines starting with '#' are ignored.
#pragma once

#include <imgui.h>

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "clock.hpp"
#include "gongshi/result.hpp"
#include "tap_registry.hpp"
#include "touch.hpp"

namespace gongshi::kiosk {

namespace step {
struct Tap { std::string label; int nth = 1; };
struct TapAt { ImVec2 pos; };
struct Drag { ImVec2 from, to; double ms = 0; };
struct Keys { std::string letters; };
struct Candidate { int nth = 1; };
struct Wait { double ms = 0; };
struct Idle { double seconds = 0; };
struct Screenshot { std::string name; };
struct Expect { std::string label; };
}  // namespace step

using StepAction = std::variant<step::Tap, step::TapAt, step::Drag, step::Keys, step::Candidate, step::Wait,
                                step::Idle, step::Screenshot, step::Expect>;

struct Step {
    int line = 0;
    std::string text;  // the line as written, for error messages
    StepAction action;
};

struct Script {
    std::string name;  // the file, for error messages
    std::vector<Step> steps;
};

Result<Script> parse_script(std::string_view text, std::string name);
Result<Script> load_script(const std::string& path);

// What runs frames for a script or a test: the GL app under Xvfb, or the headless harness.
class FrameDriver {
public:
    virtual ~FrameDriver() = default;
    // One frame with this pointer (nullopt: nobody touching).
    virtual void frame(const std::optional<PointerInput>& pointer) = 0;
    virtual const TapRegistry& taps() const = 0;
    virtual Clock& clock() = 0;
    virtual Status screenshot(const std::string& name) = 0;
};

// Gestures, as a finger does them: press, (move,) release, then a frame with the finger gone.
void tap_at(FrameDriver& d, ImVec2 pos);
Status tap(FrameDriver& d, std::string_view label, int nth = 1);
void drag(FrameDriver& d, ImVec2 from, ImVec2 to, double ms);
void wait(FrameDriver& d, double ms);
void idle(FrameDriver& d, double seconds);

// Runs every step; the first failure names the file, the line and the reason.
Status run_script(const Script& script, FrameDriver& d);

}  // namespace gongshi::kiosk
