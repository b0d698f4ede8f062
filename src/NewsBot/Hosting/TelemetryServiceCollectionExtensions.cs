using NewsBot.Core.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace NewsBot.Hosting;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>The environment variable naming the OTLP collector (the OpenTelemetry standard one).</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// OpenTelemetry traces and metrics: a span per turn and answering step (NewsBot's own source), Semantic Kernel's
    /// sources, ASP.NET Core, HttpClient and gRPC calls; NewsBot's counters and histograms with the runtime's HTTP
    /// ones. Exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (environment or configuration),
    /// nothing exported otherwise.
    /// </summary>
    public static IServiceCollection AddNewsBotTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("newsbot"))
            .WithTracing(tracing => tracing
                .AddSource(NewsBotTelemetry.Name, "Microsoft.SemanticKernel*")
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !context.Request.Path.StartsWithSegments("/healthz"))
                .AddHttpClientInstrumentation()
                .AddGrpcClientInstrumentation())
            .WithMetrics(metrics => metrics
                .AddMeter(NewsBotTelemetry.Name, "Microsoft.SemanticKernel*")
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation());
        if (!string.IsNullOrWhiteSpace(configuration[OtlpEndpointVariable]) || !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(OtlpEndpointVariable)))
        {
            telemetry.UseOtlpExporter();
        }

        return services;
    }
}
