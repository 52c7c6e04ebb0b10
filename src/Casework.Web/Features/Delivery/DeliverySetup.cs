using Casework.Web.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Casework.Web.Features.Delivery;

internal static class DeliverySetup
{
    /// <summary>
    /// The dispatcher (options section <c>Delivery</c>), its channels and the reminders. Without <c>Delivery:Smtp:Host</c>
    /// e-mails go to .eml files under the data directory (the SQLite file's folder, else <c>App_Data</c>).
    /// </summary>
    public static IServiceCollection AddDelivery(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<DeliveryOptions>()
            .BindConfiguration(DeliveryOptions.Section)
            .Validate(o => o.PollInterval > TimeSpan.Zero, "Delivery:PollInterval must be positive.")
            .Validate(o => o.LeaseDuration > TimeSpan.Zero, "Delivery:LeaseDuration must be positive.")
            .Validate(o => o.BatchSize > 0, "Delivery:BatchSize must be positive.")
            .Validate(o => o.MaxAttempts > 0, "Delivery:MaxAttempts must be positive.")
            .Validate(o => o.RetryBaseDelay > TimeSpan.Zero && o.MaxRetryDelay >= o.RetryBaseDelay, "Delivery:RetryBaseDelay must be positive and at most Delivery:MaxRetryDelay.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.MessageIdDomain), "Delivery:MessageIdDomain must be set.")
            .Validate(o => MimeKit.MailboxAddress.TryParse(o.Smtp.Sender, out _), "Delivery:Smtp:Sender must be an e-mail address.")
            .Validate(o => o.Reminders.HersteltermijnWorkingDaysBefore >= 0 && o.Reminders.BeslistermijnDaysBefore >= 0 && o.Reminders.AgendaCutOffDaysBefore >= 0, "Delivery:Reminders days must not be negative.")
            .ValidateOnStart();

        services.AddSingleton(sp => new DeliveryPaths(PickupDirectory(configuration, environment, sp.GetRequiredService<IOptions<DeliveryOptions>>().Value)));
        services.AddScoped<IMailTransport>(sp => string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<DeliveryOptions>>().Value.Smtp.Host)
            ? new PickupDirectoryMailTransport(sp.GetRequiredService<DeliveryPaths>())
            : new SmtpMailTransport(sp.GetRequiredService<IOptions<DeliveryOptions>>()));
        services.AddHttpClient(WebhookSender.ClientName);
        services.AddScoped<WebhookSender>();
        services.AddScoped<ReminderPlanner>();
        services.AddSingleton<DeliveryDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<DeliveryDispatcher>());
        return services;
    }

    private static string PickupDirectory(IConfiguration configuration, IHostEnvironment environment, DeliveryOptions options)
    {
        if (Path.IsPathRooted(options.Smtp.PickupDirectory))
        {
            return options.Smtp.PickupDirectory;
        }

        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var dataDirectory = Path.Combine(environment.ContentRootPath, "App_Data");
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            var sqlite = new SqliteConnectionStringBuilder(configuration.GetConnectionString("Casework") ?? DatabaseOptions.DefaultSqliteConnectionString);
            if (!string.IsNullOrEmpty(sqlite.DataSource) && sqlite.DataSource != ":memory:")
            {
                var file = Path.IsPathRooted(sqlite.DataSource) ? sqlite.DataSource : Path.Combine(environment.ContentRootPath, sqlite.DataSource);
                dataDirectory = Path.GetDirectoryName(file) ?? dataDirectory;
            }
        }

        return Path.Combine(dataDirectory, options.Smtp.PickupDirectory);
    }
}
