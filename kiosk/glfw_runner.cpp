#include "glfw_runner.hpp"

#define GLFW_INCLUDE_NONE
#include <GL/gl.h>
#include <GLFW/glfw3.h>
#include <malloc.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <memory>
#include <thread>

#include "app.hpp"
#include "background_sync.hpp"
#include "gl_texture.hpp"
#include "gongshi/log.hpp"
#include "imgui_context.hpp"
#include "screenshot.hpp"
#include "script.hpp"
#include "service_notify.hpp"

namespace gongshi::kiosk {

namespace {

struct GlfwLibrary {
    bool ok = glfwInit() == GLFW_TRUE;
    ~GlfwLibrary() {
        if (ok) glfwTerminate();
    }
};

struct WindowDeleter {
    void operator()(GLFWwindow* w) const { glfwDestroyWindow(w); }
};
using WindowPtr = std::unique_ptr<GLFWwindow, WindowDeleter>;

// The platform and renderer backends, shut down before the context and the window go.
struct ImGuiBackends {
    explicit ImGuiBackends(GLFWwindow* window) {
        ImGui_ImplGlfw_InitForOpenGL(window, true);
        ImGui_ImplOpenGL3_Init("#version 150");
    }
    ~ImGuiBackends() {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
    }
    ImGuiBackends(const ImGuiBackends&) = delete;
    ImGuiBackends& operator=(const ImGuiBackends&) = delete;
};

WindowPtr create_window(const LaunchOptions& options) {
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    if (options.windowed) {
        glfwWindowHint(GLFW_RESIZABLE, GLFW_TRUE);
        return WindowPtr(glfwCreateWindow(options.windowed->width, options.windowed->height, "Gongshi", nullptr, nullptr));
    }
    int count = 0;
    GLFWmonitor** monitors = glfwGetMonitors(&count);
    if (count == 0) return nullptr;
    GLFWmonitor* monitor = monitors[options.config.monitor >= 0 && options.config.monitor < count ? options.config.monitor : 0];
    const GLFWvidmode* mode = glfwGetVideoMode(monitor);
    // The monitor's own mode, so going full screen changes nothing on the panel; and a kiosk
    // must not minimise itself when something else takes focus.
    glfwWindowHint(GLFW_REFRESH_RATE, mode->refreshRate);
    glfwWindowHint(GLFW_AUTO_ICONIFY, GLFW_FALSE);
    glfwWindowHint(GLFW_DECORATED, GLFW_FALSE);
    return WindowPtr(glfwCreateWindow(mode->width, mode->height, "Gongshi", monitor, nullptr));
}

// Kiosk mode: Alt+F4 and the window manager's close are refused; Escape and every other key
// do nothing because nothing listens for them. VT switching and the like belong to the X
// server's configuration (docs/OPERATIONS.md).
void lock_down(GLFWwindow* window) {
    glfwSetWindowCloseCallback(window, [](GLFWwindow* w) { glfwSetWindowShouldClose(w, GLFW_FALSE); });
    glfwSetInputMode(window, GLFW_CURSOR, GLFW_CURSOR_HIDDEN);
}

// The GPU has the atlas now: free the CPU copy (alpha and RGBA, tens of MB for the CJK atlas), and
// hand the pages back: malloc would keep them resident, so each rebuild would leave RSS that much
// higher until the next one reused them. Rebuilds are rare, so the trim's cost does not matter.
void release_atlas_pixels() {
    ImGui::GetIO().Fonts->ClearTexData();
    malloc_trim(0);
}

// Draws frames of the app into the window. In a scripted run the script's pointer replaces the
// mouse; in a live run `pointer` is ignored and the GLFW backend's mouse is the finger.
class Renderer {
public:
    Renderer(App& app, GLFWwindow* window, bool scripted) : app_(app), window_(window), scripted_(scripted) {}

    // `capture_path`: write the rendered frame there before showing it.
    Status frame(const std::optional<PointerInput>& pointer = std::nullopt, const std::string& capture_path = {}) {
        int width = 0, height = 0, fb_width = 0, fb_height = 0;
        glfwGetWindowSize(window_, &width, &height);
        glfwGetFramebufferSize(window_, &fb_width, &fb_height);
        if (prepare_frame(app_, ImVec2(static_cast<float>(width), static_cast<float>(height))) && gpu_ready_) {
            ImGui_ImplOpenGL3_DestroyFontsTexture();
            ImGui_ImplOpenGL3_CreateFontsTexture();
            release_atlas_pixels();
        }
        ImGui_ImplOpenGL3_NewFrame();  // the first call creates shaders and uploads the atlas
        if (!gpu_ready_) release_atlas_pixels();
        gpu_ready_ = true;
        ImGui_ImplGlfw_NewFrame();
        if (scripted_) apply_pointer(ImGui::GetIO(), pointer);
        run_frame(app_);

        glViewport(0, 0, fb_width, fb_height);
        const Rgb bg = app_.theme.colors.background;
        glClearColor(bg.r / 255.0f, bg.g / 255.0f, bg.b / 255.0f, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        Status captured = success();
        if (!capture_path.empty()) captured = write_screenshot(capture_path, fb_width, fb_height);
        glfwSwapBuffers(window_);
        return captured;
    }

private:
    App& app_;
    GLFWwindow* window_;
    bool scripted_;
    bool gpu_ready_ = false;
};

// Scripts drive the real window at about 60 frames a second, on the app's clock.
class WindowDriver final : public FrameDriver {
public:
    WindowDriver(App& app, Renderer& renderer, std::string screenshot_dir)
        : app_(app), renderer_(renderer), screenshot_dir_(std::move(screenshot_dir)) {}

    void frame(const std::optional<PointerInput>& pointer) override {
        glfwPollEvents();
        renderer_.frame(pointer);
        pace();
    }
    const TapRegistry& taps() const override { return app_.taps; }
    Clock& clock() override { return app_.clock; }
    std::size_t live_textures() const override { return app_.images.live_textures(); }
    Status screenshot(const std::string& name) override {
        if (screenshot_dir_.empty()) return Status::failure("no --screenshot-dir given");
        return renderer_.frame(std::nullopt, (std::filesystem::path(screenshot_dir_) / (name + ".png")).string());
    }

private:
    void pace() {
        next_ += std::chrono::microseconds(16667);
        const auto now = std::chrono::steady_clock::now();
        if (next_ < now) next_ = now;
        std::this_thread::sleep_until(next_);
    }

    App& app_;
    Renderer& renderer_;
    std::string screenshot_dir_;
    std::chrono::steady_clock::time_point next_ = std::chrono::steady_clock::now();
};

void run_live(App& app, Renderer& renderer, GLFWwindow* window) {
    ServiceNotifier service;
    while (!glfwWindowShouldClose(window) && !app.exit_code) {  // staff's 重启程序 / 退出程序 end it too
        renderer.frame();
        service.frame_shown();
        // Sleep on events unless something moves: near-zero CPU while the kiosk waits; but wake
        // often enough for systemd's watchdog to see the loop alive.
        const double wait = std::min(seconds_until_next_frame(app), service.longest_sleep_s());
        if (wait > 0) glfwWaitEventsTimeout(wait);
        else glfwPollEvents();
    }
}

// Cold start as the benchmarks measure it: process start to the first frame on screen. Prints
// CLOCK_MONOTONIC (steady_clock on Linux), which the launching benchmark reads before exec.
void show_first_frame_and_exit(Renderer& renderer) {
    renderer.frame();
    glFinish();  // the swap has happened, not just been queued
    const auto now = std::chrono::steady_clock::now().time_since_epoch();
    std::cout << "first_frame_monotonic_ns " << std::chrono::duration_cast<std::chrono::nanoseconds>(now).count()
              << std::endl;
}

}  // namespace

int run_kiosk(const LaunchOptions& options) {
    std::optional<Script> script;
    if (!options.script_path.empty()) {
        auto loaded = load_script(options.script_path);
        if (!loaded) {
            std::cerr << loaded.error() << "\n";
            return 1;
        }
        script = std::move(loaded.value());
        if (!options.screenshot_dir.empty()) std::filesystem::create_directories(options.screenshot_dir);
    }
    auto face = find_cjk_font();
    if (!face) {
        std::cerr << face.error() << "\n";
        return 1;
    }
    auto fonts = FontSet::load(face.value());
    if (!fonts) {
        std::cerr << fonts.error() << "\n";
        return 1;
    }

    glfwSetErrorCallback([](int code, const char* message) {
        log(LogLevel::error, "GLFW error " + std::to_string(code) + ": " + message);
    });
    GlfwLibrary glfw;
    if (!glfw.ok) return 1;
    WindowPtr window = create_window(options);
    if (!window) {
        std::cerr << "cannot open a window (is DISPLAY set?)\n";
        return 1;
    }
    glfwMakeContextCurrent(window.get());
    glfwSwapInterval(1);
    if (!options.windowed) lock_down(window.get());  // our callbacks first: the backend chains them

    ImGuiContextPtr context = make_imgui_context();
    ImGuiBackends backends(window.get());
    int live_textures = 0;
    int exit_status = 0;
    {
        App app(options.config, Clock::system(), std::move(fonts.value()), gl_texture_uploader(live_textures),
                [] { glfwPostEmptyEvent(); });
        // Declared after the app: destroyed (stopped and joined) before the queue it pushes into.
        const auto engine = start_background_sync(app.config, app.queue, [] { glfwPostEmptyEvent(); });
        if (engine) app.inquire = inquire_through(*engine, app.queue);  // nothing calls it after the loop
        if (engine) app.sync_now = [e = engine.get()] { e->sync_now(); };
        Renderer renderer(app, window.get(), script.has_value());
        if (script) {
            WindowDriver driver(app, renderer, options.screenshot_dir);
            driver.frame(std::nullopt);  // the first frame builds fonts and loads the cache
            if (auto done = run_script(*script, driver); !done) {
                std::cerr << done.error() << "\n";
                exit_status = 1;
            }
        } else if (options.exit_after_first_frame) {
            show_first_frame_and_exit(renderer);
        } else {
            run_live(app, renderer, window.get());
        }
        if (app.exit_code) exit_status = *app.exit_code;
    }
    if (live_textures != 0) log(LogLevel::warning, std::to_string(live_textures) + " textures outlived the app");
    return exit_status;
}

}  // namespace gongshi::kiosk
