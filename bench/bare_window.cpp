// The cold-start baseline: a bare GLFW + Dear ImGui (OpenGL3) window in the kiosk's size and GL
// setup, with ImGui's built-in Latin font (ProggyClean) and one window of text. Prints the
// CLOCK_MONOTONIC time its first frame was shown (same line as gongshi-kiosk
// --exit-after-first-frame), then exits. Usage: gongshi-bench-bare-window [WIDTHxHEIGHT]
#define GLFW_INCLUDE_NONE
#include <GL/gl.h>
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <chrono>
#include <cstdio>
#include <iostream>

int main(int argc, char** argv) {
    int width = 1920, height = 1080;
    if (argc > 1 && std::sscanf(argv[1], "%dx%d", &width, &height) != 2) {
        std::cerr << "usage: gongshi-bench-bare-window [WIDTHxHEIGHT]\n";
        return 2;
    }
    if (glfwInit() != GLFW_TRUE) return 1;
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    GLFWwindow* window = glfwCreateWindow(width, height, "bare", nullptr, nullptr);
    if (window == nullptr) return 1;
    glfwMakeContextCurrent(window);
    glfwSwapInterval(1);
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 150");

    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
    ImGui::Begin("bare", nullptr, ImGuiWindowFlags_NoDecoration);
    ImGui::Text("Community disclosure kiosk");
    ImGui::Button("Rankings");
    ImGui::End();
    ImGui::Render();
    glViewport(0, 0, width, height);
    glClearColor(1, 1, 1, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    glfwSwapBuffers(window);
    glFinish();
    const auto now = std::chrono::steady_clock::now().time_since_epoch();
    std::cout << "first_frame_monotonic_ns " << std::chrono::duration_cast<std::chrono::nanoseconds>(now).count()
              << std::endl;

    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
    return 0;
}
