using SfaFlow.Sales.Products;

namespace SfaFlow.Sales.Demo;

internal sealed partial class DemoOrganization
{
    /// <summary>How many of a product a typical mid-market deal has (seats, devices, days); larger customers buy more.</summary>
    private readonly Dictionary<long, (int Min, int Max)> _quantities = [];

    private void AddCatalog()
    {
        AddPipelines();

        // Software: subscriptions per user or per year.
        AddProduct("SW-101", "SfaFlow CRM Professional, per user and year", DemoNames.Software, 480m, 5, 60);
        AddProduct("SW-102", "SfaFlow CRM Enterprise, per user and year", DemoNames.Software, 900m, 10, 80);
        AddProduct("SW-103", "Mobile Sales App, per user and year", DemoNames.Software, 180m, 5, 60);
        AddProduct("SW-104", "Pipeline Analytics add-on, per user and year", DemoNames.Software, 240m, 3, 30);
        AddProduct("SW-105", "Route Planner add-on, per user and year", DemoNames.Software, 150m, 3, 40);
        AddProduct("SW-106", "API and integration package, per year", DemoNames.Software, 3_600m, 1, 1);
        AddProduct("SW-107", "Sandbox environment, per year", DemoNames.Software, 1_800m, 1, 2);
        AddProduct("SW-108", "Extra storage 100 GB, per year", DemoNames.Software, 600m, 1, 5);
        AddProduct("SW-109", "Premium support, per year", DemoNames.Software, 4_800m, 1, 1);
        AddProduct("SW-110", "Single sign-on connector, per year", DemoNames.Software, 1_200m, 1, 1);

        // Devices for field staff.
        AddProduct("DV-201", "Rugged tablet T10", DemoNames.Devices, 1_190m, 2, 40);
        AddProduct("DV-202", "Rugged tablet T12 Pro", DemoNames.Devices, 1_590m, 2, 30);
        AddProduct("DV-203", "Handheld scanner H5", DemoNames.Devices, 690m, 2, 40);
        AddProduct("DV-204", "Mobile receipt printer P3", DemoNames.Devices, 420m, 2, 30);
        AddProduct("DV-205", "Vehicle dock for T10 and T12", DemoNames.Devices, 260m, 2, 30);
        AddProduct("DV-206", "Charging station, 5 slots", DemoNames.Devices, 340m, 1, 10);
        AddProduct("DV-207", "Payment terminal M2", DemoNames.Devices, 380m, 2, 25);
        AddProduct("DV-208", "Label printer L4", DemoNames.Devices, 890m, 1, 6);
        AddProduct("DV-209", "Protective case kit", DemoNames.Devices, 79m, 2, 40);
        AddProduct("DV-210", "Spare battery pack", DemoNames.Devices, 95m, 2, 40);

        // Services: days, packages, per-device fees.
        AddProduct("SV-301", "Onboarding package", DemoNames.Services, 4_500m, 1, 1);
        AddProduct("SV-302", "Data migration, per day", DemoNames.Services, 1_150m, 2, 10);
        AddProduct("SV-303", "On-site training day", DemoNames.Services, 1_400m, 1, 5);
        AddProduct("SV-304", "Remote training session", DemoNames.Services, 450m, 1, 8);
        AddProduct("SV-305", "Workflow design workshop", DemoNames.Services, 2_600m, 1, 2);
        AddProduct("SV-306", "Custom integration, per day", DemoNames.Services, 1_250m, 2, 15);
        AddProduct("SV-307", "Device rollout service, per device", DemoNames.Services, 45m, 2, 40);
        AddProduct("SV-308", "Health check and tuning", DemoNames.Services, 1_900m, 1, 1);
        AddProduct("SV-309", "Project management, per day", DemoNames.Services, 1_100m, 2, 12);
        AddProduct("SV-310", "Extended device warranty, per device and year", DemoNames.Services, 60m, 2, 40);
    }

    private void AddProduct(string code, string name, string line, decimal price, int minQuantity, int maxQuantity)
    {
        var product = new Product
        {
            Id = Products.Count + 1,
            Code = code,
            Name = name,
            ProductLine = line,
            Price = price,
            Currency = DemoCountry.ReportingCurrency,
            CreatedAt = SetUpAt,
            UpdatedAt = SetUpAt,
        };
        Products.Add(product);
        _quantities[product.Id] = (minQuantity, maxQuantity);
    }
}
