// Scripted sessions: one step per line, replayed through the same input path as a finger.
//   tap LABEL [N]       the Nth visible target labelled LABEL (default the first)
//   tap-at X Y          a tap at a point
//   press LABEL MS      holds a finger on LABEL for MS milliseconds (the long press into staff mode)
//   drag X1 Y1 X2 Y2 MS a drag over MS milliseconds
//   stroke X,Y X,Y ...  a finger stroke on the handwriting pad through these points, given as
//                       fractions of the pad (0,0 top left .. 1,1 bottom right)
//   keys LETTERS        presses on-screen keys (ASCII letters, digits, space)
//   candidate N         picks the Nth visible input-method candidate
//   wait MS             lets MS milliseconds pass, drawing frames
//   idle SECONDS        jumps the kiosk's clock forward (no sleeping)
//   screenshot NAME     writes NAME.png
//   expect LABEL        fails unless LABEL is visible
//   walk N SEED         N interactions of a seeded random walk over what is visible (soak runs)
//   stats NAME          prints RSS, open fds, threads and live textures as "STATS NAME ..."
// Blank lines and lines starting with '#' are ignored.
#pragma once

#include <imgui.h>

#include <cstdint>
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
struct Press { std::string label; double ms = 0; };
struct Drag { ImVec2 from, to; double ms = 0; };
struct Stroke { std::vector<ImVec2> points; };  // pad fractions
struct Keys { std::string letters; };
struct Candidate { int nth = 1; };
struct Wait { double ms = 0; };
struct Idle { double seconds = 0; };
struct Screenshot { std::string name; };
struct Expect { std::string label; };
struct Walk { int interactions = 0; std::uint32_t seed = 0; };
struct Stats { std::string name; };
}  // namespace step

using StepAction = std::variant<step::Tap, step::TapAt, step::Press, step::Drag, step::Keys, step::Candidate, step::Wait,
                                step::Idle, step::Screenshot, step::Expect, step::Walk, step::Stats, step::Stroke>;

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
    virtual std::size_t live_textures() const = 0;  // the texture cache's count, for "stats"
};

// Gestures, as a finger does them: press, (move,) release, then a frame with the finger gone.
void tap_at(FrameDriver& d, ImVec2 pos);
Status tap(FrameDriver& d, std::string_view label, int nth = 1);
void drag(FrameDriver& d, ImVec2 from, ImVec2 to, double ms);
// A finger down at the first point, through the others at a writing pace (a frame every 8 px), up at the last.
void stroke(FrameDriver& d, const std::vector<ImVec2>& points);
// A finger held still on the target for `ms` (frames keep coming, on the driver's clock), then lifted.
Status press(FrameDriver& d, std::string_view label, double ms);
void wait(FrameDriver& d, double ms);
void idle(FrameDriver& d, double seconds);

// Runs every step; the first failure names the file, the line and the reason.
Status run_script(const Script& script, FrameDriver& d);

}  // namespace gongshi::kiosk
