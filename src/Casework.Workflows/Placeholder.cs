namespace Casework.Workflows; internal static class Placeholder;
